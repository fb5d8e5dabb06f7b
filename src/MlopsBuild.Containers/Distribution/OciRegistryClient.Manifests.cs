using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace MlopsBuild.Containers.Distribution;

public sealed partial class OciRegistryClient
{
    /// <summary>
    /// The digest of the manifest a tag or digest names in <paramref name="repository"/> (HEAD …/manifests/…); null when the
    /// registry has none there.
    /// </summary>
    public async Task<string?> TryGetManifestDigestAsync(RegistryRepository repository, string tagOrDigest, CancellationToken cancellationToken = default)
    {
        EnsureServes(repository);
        EnsureReference(tagOrDigest, allowDigest: true);
        using var head = await SendAsync(ManifestRequest(HttpMethod.Head, repository, tagOrDigest), cancellationToken);
        if (IsNotFound(head)) return null;
        await EnsureSuccessAsync(head, $"look up {Named(repository, tagOrDigest)}", cancellationToken);
        if (DigestHeader(head) is { } digest) return digest;

        // The header is optional for a registry: then the digest is that of the bytes themselves.
        using var get = await SendAsync(ManifestRequest(HttpMethod.Get, repository, tagOrDigest), cancellationToken);
        if (IsNotFound(get)) return null;
        await EnsureSuccessAsync(get, $"read {Named(repository, tagOrDigest)}", cancellationToken);
        return Sha256Digest.Of(await get.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    /// <summary>The manifest <paramref name="digest"/> names, refused unless its bytes have that digest.</summary>
    async Task<OciManifest> GetManifestAsync(RegistryRepository repository, string digest, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(ManifestRequest(HttpMethod.Get, repository, digest), cancellationToken);
        if (IsNotFound(response))
            throw new OciRegistryException($"{repository} has no image {digest}: was it pushed (./build.sh Package pushes it)?", HttpStatusCode.NotFound);
        await EnsureSuccessAsync(response, $"read {Named(repository, digest)}", cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (Sha256Digest.Of(bytes) is var actual && actual != digest)
            throw new OciRegistryException(
                $"{repository} served bytes for the manifest {digest} that hash to {actual}: they are not that image, and nothing was copied. " +
                $"Something between this machine and {Host} alters content, or the registry's storage is corrupt: check it before promoting from it.");
        return OciManifest.Parse(bytes, digest, response.Content.Headers.ContentType?.MediaType, Named(repository, digest));
    }

    /// <summary>Stores the manifest's exact bytes under a digest or tag, and checks the registry kept them as they are.</summary>
    async Task PutManifestAsync(RegistryRepository repository, string reference, OciManifest manifest, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(manifest.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(manifest.MediaType);
        var request = new HttpRequestMessage(HttpMethod.Put, Endpoint(repository, $"manifests/{reference}")) { Content = content };
        using var response = await SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, $"store the manifest {manifest.Digest} as {Named(repository, reference)}", cancellationToken);
        if (DigestHeader(response) is { } stored && stored != manifest.Digest)
            throw new OciRegistryException(
                $"{Host} stored the manifest {manifest.Digest} as {stored} in {repository}: it changed the bytes, so the digest there is not the " +
                "image that was tested. Use a registry that stores manifests as pushed (any OCI-conformant one does).");
    }

    static HttpRequestMessage ManifestRequest(HttpMethod method, RegistryRepository repository, string reference)
    {
        var request = new HttpRequestMessage(method, Endpoint(repository, $"manifests/{reference}"));
        foreach (var mediaType in OciMediaTypes.Manifests) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        return request;
    }

    static string? DigestHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Docker-Content-Digest", out var values) && values.FirstOrDefault() is { } digest && Sha256Digest.IsValid(digest)
            ? digest
            : null;

    static string Named(RegistryRepository repository, string reference) =>
        Sha256Digest.IsValid(reference) ? $"{repository}@{reference}" : $"{repository}:{reference}";

    static void EnsureReference(string reference, bool allowDigest)
    {
        if (Tag().IsMatch(reference) || (allowDigest && Sha256Digest.IsValid(reference))) return;
        throw new ArgumentException(
            $"'{reference}' is not a tag{(allowDigest ? " or digest" : "")}: a tag is up to 128 letters, digits, '_', '.' and '-', " +
            $"not starting with '.' or '-'{(allowDigest ? $"; a digest is {Sha256Digest.Form}" : "")}.");
    }

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
