using MlopsBuild.Containers.Engine;

namespace MlopsBuild.Containers.Images;

/// <summary>What goes into a server image. The image knows nothing of what the server does: a folder, a file, a command.</summary>
/// <param name="BaseImage">The FROM image: e.g. <see cref="LocalBaseImage.DefaultName"/>, or Microsoft's official .NET image where it can be pulled.</param>
/// <param name="PublishedServerFolder">The server as <c>dotnet publish</c> left it (self-contained, or framework-dependent with <see cref="RuntimeFolder"/>); copied to <see cref="ServerImage.ServerFolder"/>.</param>
/// <param name="Entrypoint">The command that starts the server, as paths inside the image (e.g. <c>/app/MlopsBuild.Serving</c>); <c>--model /model/model.mlmodel</c> is appended.</param>
/// <param name="ModelFile">The model file; copied last, to <see cref="ServerImage.ModelPath"/>, so a new model rebuilds one small layer.</param>
/// <param name="Tag">The image's name, repository:tag.</param>
/// <param name="Labels">Image labels: OCI annotations (org.opencontainers.image.revision, …) and the project's own lineage keys.</param>
public sealed record ServerImageSpec(
    string BaseImage,
    string PublishedServerFolder,
    IReadOnlyList<string> Entrypoint,
    string ModelFile,
    string Tag,
    IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>A .NET runtime to copy to <see cref="ServerImage.RuntimeFolder"/> for a framework-dependent server; null when self-contained.</summary>
    public string? RuntimeFolder { get; init; }

    /// <summary>The numeric user the server runs as (no passwd entry needed); never root.</summary>
    public string User { get; init; } = "10001:10001";

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public HealthCheck? HealthCheck { get; init; }
}
