using System.Net;

namespace MlopsBuild.Router.Forwarding;

/// <summary>The one pooled HTTP client every forwarded request goes through, set up to pass requests on untouched.</summary>
static class UpstreamClient
{
    public static HttpMessageInvoker Create() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        // No trace headers of our own: the client's are forwarded as they came.
        ActivityHeadersPropagator = null,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        // Below Kestrel's 130 s keep-alive, so the pool drops an idle connection before the model server closes it.
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
    });
}
