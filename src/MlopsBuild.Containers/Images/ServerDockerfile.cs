namespace MlopsBuild.Containers.Images;

/// <summary>
/// The Dockerfile of a server image: the app layers every image of ours shares (<see cref="AppDockerfile"/>), with
/// <c>--model</c> on the entrypoint, then the model LAST, after every metadata instruction — so a model-only change
/// re-runs only the final COPY, and the build cache serves everything above.
/// </summary>
static class ServerDockerfile
{
    public static string For(ServerImageSpec spec)
    {
        var layout = new AppImageLayout(spec.BaseImage, ServerImage.ServerContextFolder, [.. spec.Entrypoint, "--model", ServerImage.ModelPath], spec.User)
        {
            RuntimeContextFolder = spec.RuntimeFolder is null ? null : ServerImage.RuntimeContextFolder,
            Environment = spec.Environment,
            HealthCheck = spec.HealthCheck,
        };
        return AppDockerfile.Start(layout)
            .AppendLine($"COPY {ServerImage.ModelContextPath} {ServerImage.ModelPath}")
            .ToString();
    }
}
