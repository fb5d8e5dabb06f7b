namespace MlopsBuild.Containers.Distribution;

public sealed partial class OciRegistryClient
{
    /// <summary>
    /// Copies an image by digest from another repository of this registry into <paramref name="target"/>, byte for byte
    /// (as <c>crane copy</c> or <c>skopeo copy</c> do; nothing is rebuilt), and tags it there when <paramref name="tag"/>
    /// is given. Blobs are mounted across repositories, not moved. Copying again is cheap and changes nothing.
    /// </summary>
    /// <returns>The same digest in <paramref name="target"/>.</returns>
    public Task<ImageDigestReference> CopyAsync(
        ImageDigestReference source, RegistryRepository target, string? tag, CancellationToken cancellationToken = default)
    {
        var sourceHost = RegistryRepository.Parse(source.Repository).Host;
        if (sourceHost != Host)
            throw new ArgumentException(
                $"{source} is on {sourceHost}, not on {Host}: to copy between registries, read it through a client for {sourceHost} " +
                "with CopyAsync(sourceRegistry, source, target, tag).");
        return CopyAsync(this, source, target, tag, cancellationToken);
    }

    /// <summary>
    /// Copies an image by digest, read through <paramref name="sourceRegistry"/> (the client for the source's host, with its
    /// credentials), into <paramref name="target"/> on this client's registry. Between two registries the blobs stream
    /// from one to the other; on one registry they are mounted.
    /// </summary>
    public async Task<ImageDigestReference> CopyAsync(
        OciRegistryClient sourceRegistry, ImageDigestReference source, RegistryRepository target, string? tag,
        CancellationToken cancellationToken = default)
    {
        var sourceRepository = RegistryRepository.Parse(source.Repository);
        sourceRegistry.EnsureServes(sourceRepository);
        EnsureServes(target);
        if (tag is not null) EnsureReference(tag, allowDigest: false);

        var manifest = await CopyManifestAsync(sourceRegistry, sourceRepository, source.Digest, target, cancellationToken);
        if (tag is not null) await PutManifestAsync(target, tag, manifest, cancellationToken);
        return source.WithRepository(target.ToString());
    }

    /// <summary>Copies what the manifest points at (child manifests, then blobs), then the manifest itself by digest.</summary>
    async Task<OciManifest> CopyManifestAsync(
        OciRegistryClient sourceRegistry, RegistryRepository sourceRepository, string digest, RegistryRepository target,
        CancellationToken cancellationToken)
    {
        var manifest = await sourceRegistry.GetManifestAsync(sourceRepository, digest, cancellationToken);
        // Content-addressed: present by digest is this very manifest, and a registry takes one only once all it points at is there.
        if (await TryGetManifestDigestAsync(target, digest, cancellationToken) is not null) return manifest;
        foreach (var child in manifest.Children)
            await CopyManifestAsync(sourceRegistry, sourceRepository, child.Digest, target, cancellationToken);
        foreach (var blob in manifest.Blobs)
            await CopyBlobAsync(sourceRegistry, sourceRepository, blob, target, cancellationToken);
        await PutManifestAsync(target, digest, manifest, cancellationToken);
        return manifest;
    }

    async Task CopyBlobAsync(
        OciRegistryClient sourceRegistry, RegistryRepository sourceRepository, OciDescriptor blob, RegistryRepository target,
        CancellationToken cancellationToken)
    {
        if (await BlobExistsAsync(target, blob.Digest, cancellationToken)) return;
        // On one registry the bytes are already stored: a mount links them into the target without moving any.
        var mountFrom = sourceRegistry.Host == Host ? sourceRepository : null;
        if (await StartBlobUploadAsync(target, blob.Digest, mountFrom, cancellationToken) is not { } location) return;
        using var download = await sourceRegistry.OpenBlobAsync(sourceRepository, blob, cancellationToken);
        await using var bytes = await download.Content.ReadAsStreamAsync(cancellationToken);
        await UploadBlobAsync(location, target, blob, bytes, cancellationToken);
    }
}
