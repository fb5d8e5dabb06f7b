namespace MlopsBuild.Containers.Engine;

/// <summary>An image as the engine describes it (GET /images/{name}/json).</summary>
/// <param name="Id">The image id, <c>sha256:…</c> (the digest of its config).</param>
/// <param name="Size">Bytes on disk, all layers included.</param>
/// <param name="RepoDigests">Registry digests, <c>repo@sha256:…</c>, known after a push or pull.</param>
/// <param name="Layers">The layer diff ids, base first.</param>
public sealed record ImageInfo(
    string Id,
    long Size,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> RepoTags,
    IReadOnlyList<string> RepoDigests,
    IReadOnlyList<string> Layers,
    string? User);
