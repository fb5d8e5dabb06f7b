namespace MlopsBuild.Router.Monitoring;

/// <summary>Why a request was not answered by an upstream: the <c>kind</c> label of the failure counter.</summary>
static class FailureKind
{
    /// <summary>No upstream is set: 503.</summary>
    public const string NoUpstream = "no_upstream";

    /// <summary>The upstream could not be reached (after retries) or broke off before answering: 502.</summary>
    public const string Unreachable = "upstream_unreachable";

    /// <summary>The upstream did not answer in time: 504.</summary>
    public const string Timeout = "upstream_timeout";

    /// <summary>The upstream's response broke off after it had started; the client's connection is aborted.</summary>
    public const string Interrupted = "response_interrupted";

    /// <summary>The client went away or sent a broken body.</summary>
    public const string Client = "client";
}
