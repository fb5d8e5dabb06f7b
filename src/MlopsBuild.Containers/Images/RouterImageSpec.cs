namespace MlopsBuild.Containers.Images;

/// <summary>What goes into the router's image: the published router and the image's name and labels; no model.</summary>
/// <param name="BaseImage">The FROM image: e.g. <see cref="LocalBaseImage.DefaultName"/>, or Microsoft's runtime-deps image where it can be pulled (the router brings its own runtime).</param>
/// <param name="PublishedRouterFolder">The router as <c>dotnet publish -r linux-x64 --self-contained</c> left it; copied to <see cref="RouterImage.RouterFolder"/>.</param>
/// <param name="Tag">The image's name, repository:tag.</param>
/// <param name="Labels">Image labels: OCI annotations (org.opencontainers.image.revision, …).</param>
public sealed record RouterImageSpec(string BaseImage, string PublishedRouterFolder, string Tag, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>The numeric user the router runs as (no passwd entry needed); never root.</summary>
    public string User { get; init; } = "10001:10001";
}
