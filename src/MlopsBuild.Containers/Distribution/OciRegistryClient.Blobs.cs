using System.Net;
using System.Net.Http.Headers;

namespace MlopsBuild.Containers.Distribution;

public sealed partial class OciRegistryClient
{
    /// <summary>Whether <paramref name="repository"/> holds the blob (HEAD …/blobs/…): a registry links blobs per repository.</summary>
    async Task<bool> BlobExistsAsync(RegistryRepository repository, string digest, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Head, Endpoint(repository, $"blobs/{digest}")), cancellationToken);
        if (IsNotFound(response)) return false;
        await EnsureSuccessAsync(response, $"look up the blob {digest} in {repository}", cancellationToken);
        return true;
    }

    /// <summary>
    /// Starts an upload to <paramref name="target"/> (POST …/blobs/uploads/), first asking the registry to mount the blob
    /// from <paramref name="mountFrom"/>, another of its repositories, when given. Returns null when it mounted the blob
    /// (201: nothing to send), otherwise where to send the bytes (202: an upload session; a registry may decline a mount).
    /// </summary>
    async Task<Uri?> StartBlobUploadAsync(RegistryRepository target, string digest, RegistryRepository? mountFrom, CancellationToken cancellationToken)
    {
        var path = Endpoint(target, "blobs/uploads/") + (mountFrom is null ? "" : $"?mount={digest}&from={Uri.EscapeDataString(mountFrom.Path)}");
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, path), cancellationToken);
        await EnsureSuccessAsync(response, $"start an upload of the blob {digest} to {target}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.Created) return null;
        return response.Headers.Location is { } location
            ? new Uri(http.BaseAddress!, location)
            : throw new OciRegistryException(
                $"{Host} started an upload to {target} without a Location to send it to: it does not follow the distribution spec.");
    }

    /// <summary>
    /// Sends the blob's bytes as they stream in (PUT location&amp;digest=…, one request, never the whole layer in memory);
    /// the registry checks them against the digest before it stores anything.
    /// </summary>
    async Task UploadBlobAsync(Uri location, RegistryRepository target, OciDescriptor blob, Stream bytes, CancellationToken cancellationToken)
    {
        // The location may carry the session's own query (distribution's _state): the digest joins it.
        var address = new Uri($"{location.AbsoluteUri}{(location.Query.Length > 0 ? '&' : '?')}digest={blob.Digest}");
        var content = new StreamContent(bytes, bufferSize: 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.ContentLength = blob.Size;
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Put, address) { Content = content }, cancellationToken);
        await EnsureSuccessAsync(response, $"store the blob {blob.Digest} in {target}", cancellationToken);
    }

    /// <summary>The blob's bytes, as a response whose content the caller streams (and disposes).</summary>
    async Task<HttpResponseMessage> OpenBlobAsync(RegistryRepository repository, OciDescriptor blob, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Endpoint(repository, $"blobs/{blob.Digest}"));
        var response = await SendAsync(request, cancellationToken, HttpCompletionOption.ResponseHeadersRead);
        try
        {
            if (IsNotFound(response))
                throw new OciRegistryException(
                    $"{repository} lacks the blob {blob.Digest} that its image lists: the registry lost content. Push the image again " +
                    "(./build.sh Package pushes it).", HttpStatusCode.NotFound);
            await EnsureSuccessAsync(response, $"read the blob {blob.Digest} of {repository}", cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
