using System.Text.Json;
using MlopsBuild.Containers.Engine;

namespace MlopsBuild.Containers.Distribution;

/// <summary>
/// A manifest as the registry served it: the exact bytes (what its digest is of, so they are copied untouched), its media
/// type, and what it points at — child manifests for an index, the config and layers for an image.
/// </summary>
sealed class OciManifest
{
    OciManifest(byte[] bytes, string mediaType, string digest, IReadOnlyList<OciDescriptor> children, IReadOnlyList<OciDescriptor> blobs)
    {
        Bytes = bytes;
        MediaType = mediaType;
        Digest = digest;
        Children = children;
        Blobs = blobs;
    }

    public byte[] Bytes { get; }
    public string MediaType { get; }
    public string Digest { get; }

    /// <summary>The manifests an index lists (empty for an image).</summary>
    public IReadOnlyList<OciDescriptor> Children { get; }

    /// <summary>An image's config, then its layers (empty for an index).</summary>
    public IReadOnlyList<OciDescriptor> Blobs { get; }

    /// <param name="digest">The digest the bytes were verified to have.</param>
    /// <param name="contentType">The response's Content-Type; the document's own mediaType field when the registry sends none.</param>
    /// <param name="where">The repository and reference, for the message when the bytes are not a manifest this client copies.</param>
    public static OciManifest Parse(byte[] bytes, string digest, string? contentType, string where)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(bytes);
        }
        catch (JsonException exception)
        {
            throw new OciRegistryException($"The manifest {where} is not JSON ({exception.Message}): the registry serves something else there.");
        }
        using (json)
        {
            var root = json.RootElement;
            var mediaType = contentType is not null && OciMediaTypes.Manifests.Contains(contentType)
                ? contentType
                : DockerResponses.StringOrNull(root, "mediaType") ?? contentType ?? "none";
            if (!OciMediaTypes.Manifests.Contains(mediaType))
                throw new OciRegistryException(
                    $"The manifest {where} has the media type {mediaType}, which this client does not copy: push the image as an OCI or " +
                    "Docker schema 2 manifest (any current docker or buildkit does).");
            return OciMediaTypes.IsIndex(mediaType)
                ? new OciManifest(bytes, mediaType, digest, Descriptors(root, "manifests", where), [])
                : new OciManifest(bytes, mediaType, digest, [], [Config(root, where), .. Descriptors(root, "layers", where)]);
        }
    }

    static OciDescriptor Config(JsonElement root, string where) =>
        root.TryGetProperty("config", out var config)
            ? Descriptor(config, where)
            : throw new OciRegistryException($"The manifest {where} has no config: it is not an image manifest this client can copy.");

    static IReadOnlyList<OciDescriptor> Descriptors(JsonElement root, string property, string where) =>
        root.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(item => Descriptor(item, where))]
            : [];

    static OciDescriptor Descriptor(JsonElement item, string where)
    {
        var digest = DockerResponses.StringOrNull(item, "digest") ?? "";
        if (!Sha256Digest.IsValid(digest))
            throw new OciRegistryException(
                $"The manifest {where} points at '{digest}', not a {Sha256Digest.Form} digest this client can verify: push the image with sha256 digests.");
        if (!item.TryGetProperty("size", out var size) || !size.TryGetInt64(out var bytes) || bytes < 0)
            throw new OciRegistryException($"The manifest {where} gives {digest} no size: it is not a valid manifest (each descriptor has one).");
        return new OciDescriptor(digest, bytes);
    }
}
