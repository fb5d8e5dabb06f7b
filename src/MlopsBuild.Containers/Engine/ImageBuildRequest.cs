namespace MlopsBuild.Containers.Engine;

/// <summary>What POST /build needs besides the context: the tag, labels applied to the image, and whether to skip the cache.</summary>
/// <param name="Tag">The image's name, repository:tag; null leaves it unnamed (known by the id the build returns).</param>
public sealed record ImageBuildRequest(string? Tag)
{
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public bool NoCache { get; init; }
    public string Dockerfile { get; init; } = "Dockerfile";
}
