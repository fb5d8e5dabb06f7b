using MlopsBuild.Containers.Engine;

namespace MlopsBuild.Containers.Images;

/// <summary>What <see cref="AppDockerfile"/> writes for one app: folders are paths in the build context.</summary>
/// <param name="BaseImage">The FROM image.</param>
/// <param name="AppContextFolder">The published app, copied to <see cref="AppDockerfile.AppFolder"/>.</param>
/// <param name="Entrypoint">The command that starts the app, as paths inside the image.</param>
/// <param name="User">The numeric user the app runs as; never root.</param>
sealed record AppImageLayout(string BaseImage, string AppContextFolder, IReadOnlyList<string> Entrypoint, string User)
{
    /// <summary>A .NET runtime to copy to <see cref="AppDockerfile.RuntimeFolder"/>; null when the app is self-contained.</summary>
    public string? RuntimeContextFolder { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public HealthCheck? HealthCheck { get; init; }
}
