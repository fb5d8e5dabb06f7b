using System.Collections.Concurrent;

namespace MlopsBuild.Containers.Tests.Distribution;

/// <summary>A transport that records each request as "METHOD /path?query" before sending it on.</summary>
sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    readonly ConcurrentQueue<string> requests = new();

    public IReadOnlyList<string> Requests => [.. requests];

    public void Clear() => requests.Clear();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        requests.Enqueue($"{request.Method} {request.RequestUri!.PathAndQuery}");
        return base.SendAsync(request, cancellationToken);
    }
}
