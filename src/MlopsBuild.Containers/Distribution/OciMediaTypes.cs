namespace MlopsBuild.Containers.Distribution;

/// <summary>The manifest media types this client copies: OCI and Docker schema 2, single images and indexes of them.</summary>
static class OciMediaTypes
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    /// <summary>All four, as a request's Accept: without them a registry may answer with (or convert to) an older schema.</summary>
    public static readonly IReadOnlyList<string> Manifests = [OciManifest, OciIndex, DockerManifest, DockerManifestList];

    public static bool IsIndex(string mediaType) => mediaType is OciIndex or DockerManifestList;
}
