using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace MlopsBuild.Router.Forwarding;

/// <summary>
/// A request body held in memory, so that an attempt that could not reach the upstream can be sent again elsewhere.
/// Only bodies of a declared length up to a limit are held: a larger or chunked body is streamed once, without retry.
/// </summary>
sealed class ReplayableBody
{
    public const int MaxBytes = 1024 * 1024;

    static readonly ReplayableBody None = new([]);

    readonly byte[] content;

    ReplayableBody(byte[] content) => this.content = content;

    /// <summary>Reads the body when it can be replayed; null when it is streamed once.</summary>
    /// <exception cref="IOException">The client stopped sending before the declared length.</exception>
    public static async Task<ReplayableBody?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false }) return None;
        if (request.ContentLength is not { } length || length > MaxBytes) return null;
        var content = new byte[length];
        await request.Body.ReadExactlyAsync(content, cancellationToken);
        return new ReplayableBody(content);
    }

    /// <summary>Gives the request a fresh stream over the held bytes (a new one: readers may have wrapped the old).</summary>
    public void Rewind(HttpRequest request)
    {
        if (!ReferenceEquals(this, None)) request.Body = new MemoryStream(content, writable: false);
    }
}
