namespace MlopsBuild.Containers.Images;

/// <summary>
/// The Dockerfile of a server image: the app layers every image of ours shares (<see cref="AppDockerfile"/>), with
/// <c>--model</c> on the entrypoint. The model is not in it: it is added as its own layer on top (see
/// <see cref="ServerImage"/>), so a model-only change reuses every layer the builder made.
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
        return AppDockerfile.Start(layout).ToString();
    }
}
