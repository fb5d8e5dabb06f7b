using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MlopsBuild.Router.Monitoring;
using MlopsBuild.Router.Responses;
using MlopsBuild.Router.Upstreams;
using Yarp.ReverseProxy.Forwarder;

namespace MlopsBuild.Router.Forwarding;

/// <summary>
/// The public listener: every request goes to the current upstream, counted in flight there until its response has
/// been streamed back. When the upstream cannot be reached (refused, or reset before any response), a replayable
/// request is sent again to whichever upstream is current by then, a few times within about 1.5 s.
/// </summary>
sealed class ForwardingHandler(UpstreamSwitch upstreams, IHttpForwarder forwarder, HttpMessageInvoker client, RouterMetrics metrics, ILogger logger)
{
    /// <summary>Waits before each retry: long enough to ride out a slot that is being replaced, short of a client's patience.</summary>
    static readonly TimeSpan[] RetryDelays =
        [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800)];

    static readonly ForwarderRequestConfig RequestConfig = new()
    {
        Version = HttpVersion.Version11,
        VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
    };

    public async Task HandleAsync(HttpContext context)
    {
        ReplayableBody? body;
        try
        {
            body = await ReplayableBody.ReadAsync(context.Request, context.RequestAborted);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            metrics.Failed(FailureKind.Client);
            return;
        }

        for (var attempt = 0; ; attempt++)
        {
            using (var lease = upstreams.Acquire())
            {
                if (lease is null)
                {
                    metrics.Failed(FailureKind.NoUpstream);
                    await Problem.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "no-upstream", "No deployment is active",
                        "No deployment is active on this router: deploy a model, or set the upstream with PUT /upstream on the router's admin port.");
                    return;
                }
                body?.Rewind(context.Request);
                var state = lease.Upstream.State;
                var error = await forwarder.SendAsync(context, state.AddressText, client, RequestConfig, lease.Upstream.Transformer);
                if (error == ForwarderError.None)
                {
                    metrics.Forwarded(state.Label);
                    return;
                }
                if (body is null || attempt == RetryDelays.Length || !CouldNotReach(error) || context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
                {
                    await ReportAsync(context, state, error);
                    return;
                }
                logger.LogDebug("{Upstream} could not be reached ({Error}); trying again", state.AddressText, Reason(context));
                // YARP has set a 502; the next attempt starts from an untouched response.
                context.Response.Clear();
            }
            metrics.Retried();
            try
            {
                await Task.Delay(RetryDelays[attempt], context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                metrics.Failed(FailureKind.Client);
                return;
            }
        }
    }

    /// <summary>Failures before any response came back, which another attempt may not meet.</summary>
    static bool CouldNotReach(ForwarderError error) => error is ForwarderError.Request or ForwarderError.RequestBodyDestination;

    async Task ReportAsync(HttpContext context, UpstreamState upstream, ForwarderError error)
    {
        if (error is ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient
            or ForwarderError.ResponseBodyClient or ForwarderError.ResponseBodyCanceled || context.RequestAborted.IsCancellationRequested)
        {
            metrics.Failed(FailureKind.Client);
            return;
        }
        if (context.Response.HasStarted)
        {
            // YARP has aborted the client's connection, so the client cannot mistake a cut response for a whole one.
            metrics.Failed(FailureKind.Interrupted);
            logger.LogWarning("The response of {Upstream} broke off: {Error}", upstream.AddressText, Reason(context));
            return;
        }
        var timedOut = error == ForwarderError.RequestTimedOut;
        metrics.Failed(timedOut ? FailureKind.Timeout : FailureKind.Unreachable);
        var named = upstream.Label is { } label ? $"{upstream.AddressText} ({label})" : upstream.AddressText;
        var reason = Reason(context);
        logger.LogWarning("{Upstream} failed the request: {Error}", named, reason);
        context.Response.Clear();
        if (timedOut)
            await Problem.WriteAsync(context, StatusCodes.Status504GatewayTimeout, "upstream-timeout", "The upstream did not answer in time",
                $"The upstream {named} did not answer in time ({reason}). Check its model server's health and logs.");
        else
            await Problem.WriteAsync(context, StatusCodes.Status502BadGateway, "upstream-unreachable", "The upstream could not be reached",
                $"The upstream {named} could not be reached ({reason}). Check that its model server is running, or switch the router to a live one with PUT /upstream on its admin port.");
    }

    static string Reason(HttpContext context) =>
        context.Features.Get<IForwarderErrorFeature>() is { } failure
            ? $"{failure.Error}: {failure.Exception?.GetBaseException().Message}"
            : "no response";
}
