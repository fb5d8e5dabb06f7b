using MlopsBuild.Containers.Context;
using MlopsBuild.Containers.Engine;

namespace MlopsBuild.Containers.Images;

/// <summary>
/// The image of an environment's front router (src/MlopsBuild.Router): the self-contained router on the base image,
/// run as a non-root user. Its settings (<c>--port</c>, <c>--admin-port</c>, …) are the container's command.
/// </summary>
public static class RouterImage
{
    /// <summary>Where the published router lives in the image.</summary>
    public const string RouterFolder = AppDockerfile.AppFolder;

    /// <summary>The file name of the router's executable, in the published folder and in <see cref="RouterFolder"/>.</summary>
    public const string ExecutableName = "MlopsBuild.Router";

    /// <summary>The image's entrypoint.</summary>
    public const string Executable = $"{RouterFolder}/{ExecutableName}";

    const string RouterContextFolder = "router";

    /// <summary>The build context: the Dockerfile and the router folder.</summary>
    public static BuildContext CreateContext(RouterImageSpec spec)
    {
        if (!File.Exists(Path.Combine(spec.PublishedRouterFolder, ExecutableName)))
            throw new ArgumentException(
                $"The router image {spec.Tag} needs the router published for linux-x64 in {spec.PublishedRouterFolder}, which has no {ExecutableName}: " +
                $"dotnet publish src/MlopsBuild.Router -c Release -r linux-x64 --self-contained true -o {spec.PublishedRouterFolder}");
        return new BuildContext()
            .AddText("Dockerfile", DockerfileFor(spec))
            .AddDirectory(RouterContextFolder, spec.PublishedRouterFolder);
    }

    internal static string DockerfileFor(RouterImageSpec spec) =>
        AppDockerfile.Start(new AppImageLayout(spec.BaseImage, RouterContextFolder, [Executable], spec.User)).ToString();

    /// <summary>Builds the image through the engine, build output to <paramref name="log"/>; returns its id and size.</summary>
    public static async Task<BuiltImage> BuildAsync(
        DockerClient docker, RouterImageSpec spec, Action<string>? log = null, CancellationToken cancellationToken = default) =>
        await AppImage.BuildAsync(docker, CreateContext(spec), spec.Tag, spec.Labels, top: null, log, steps: null, cancellationToken);
}
