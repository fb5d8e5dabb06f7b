using MlopsBuild.Containers.Context;
using MlopsBuild.Containers.Engine;

namespace MlopsBuild.Containers.Images;

/// <summary>The image of a model server: built from a published server folder and a model file (see <see cref="ServerDockerfile"/>).</summary>
public static class ServerImage
{
    /// <summary>Where the published server lives in the image.</summary>
    public const string ServerFolder = AppDockerfile.AppFolder;

    /// <summary>Where the model file lives in the image; the entrypoint gets <c>--model</c> with this path.</summary>
    public const string ModelPath = "/model/model.mlmodel";

    /// <summary>Where a framework-dependent server's runtime lives in the image (DOTNET_ROOT).</summary>
    public const string RuntimeFolder = AppDockerfile.RuntimeFolder;

    internal const string ServerContextFolder = "server";
    internal const string RuntimeContextFolder = "runtime";
    internal const string ModelContextPath = "model/model.mlmodel";

    /// <summary>The build context: the Dockerfile, the runtime (if any), the server folder and the model file.</summary>
    public static BuildContext CreateContext(ServerImageSpec spec)
    {
        if (spec.Entrypoint.Count == 0)
            throw new ArgumentException($"The server image {spec.Tag} needs an entrypoint: the command that starts the server, e.g. {ServerFolder}/MlopsBuild.Serving.");
        var context = new BuildContext()
            .AddText("Dockerfile", ServerDockerfile.For(spec))
            .AddDirectory(ServerContextFolder, spec.PublishedServerFolder)
            // Readable by the non-root user whatever mode the model file was written with.
            .AddFile(ModelContextPath, spec.ModelFile, BuildContext.RegularFileMode);
        if (spec.RuntimeFolder is not null) context.AddDirectory(RuntimeContextFolder, spec.RuntimeFolder);
        return context;
    }

    /// <summary>Builds the image through the engine, build output to <paramref name="log"/>; returns its id and size.</summary>
    /// <param name="steps">Told each Dockerfile instruction as the builder starts it.</param>
    public static async Task<BuiltImage> BuildAsync(
        DockerClient docker, ServerImageSpec spec, Action<string>? log = null, Action<BuildStep>? steps = null,
        CancellationToken cancellationToken = default) =>
        await AppImage.BuildAsync(docker, CreateContext(spec), spec.Tag, spec.Labels, log, steps, cancellationToken);
}
