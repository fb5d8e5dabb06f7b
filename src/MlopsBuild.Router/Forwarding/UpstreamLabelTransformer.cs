using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace MlopsBuild.Router.Forwarding;

/// <summary>Forwards as YARP does by default, and tells the client which upstream answered: <c>X-Mlops-Upstream-Label</c>.</summary>
sealed class UpstreamLabelTransformer(string label) : HttpTransformer
{
    public const string HeaderName = "X-Mlops-Upstream-Label";

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var copyBody = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        // Set after the upstream's own headers, so an upstream cannot claim another label.
        if (proxyResponse is not null) httpContext.Response.Headers[HeaderName] = label;
        return copyBody;
    }
}
