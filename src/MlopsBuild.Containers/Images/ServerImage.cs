using MlopsBuild.Containers.Context;
using MlopsBuild.Containers.Engine;

namespace MlopsBuild.Containers.Images;

/// <summary>
/// The image of a model server: a published server folder (see <see cref="ServerDockerfile"/>), then the model file as
/// the last layer, so a model-only change adds one small layer to layers the engine already holds.
/// </summary>
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

    /// <summary>The build context of everything but the model: the Dockerfile, the runtime (if any) and the server folder.</summary>
    public static BuildContext CreateContext(ServerImageSpec spec)
    {
        if (spec.Entrypoint.Count == 0)
            throw new ArgumentException($"The server image {spec.Tag} needs an entrypoint: the command that starts the server, e.g. {ServerFolder}/MlopsBuild.Serving.");
        var context = new BuildContext()
            .AddText("Dockerfile", ServerDockerfile.For(spec))
            .AddDirectory(ServerContextFolder, spec.PublishedServerFolder);
        if (spec.RuntimeFolder is not null) context.AddDirectory(RuntimeContextFolder, spec.RuntimeFolder);
        return context;
    }

    /// <summary>The model's layer: <see cref="ModelPath"/> and its folder.</summary>
    internal static ImageLayer CreateModelLayer(ServerImageSpec spec)
    {
        var relativePath = ModelPath.TrimStart('/');
        var entries = new BuildContext()
            .AddEmptyDirectory(Path.GetDirectoryName(relativePath)!)
            // Readable by the non-root user whatever mode the model file was written with.
            .AddFile(relativePath, spec.ModelFile, BuildContext.RegularFileMode);
        return ImageLayer.Create(entries, $"COPY {Path.GetFileName(spec.ModelFile)} {ModelPath}");
    }

    /// <summary>
    /// Builds the image through the engine, build output to <paramref name="log"/>; returns its id and size. The same
    /// server, model and labels give the same image id.
    /// </summary>
    /// <param name="steps">Told each Dockerfile instruction as the builder starts it, then the model's layer.</param>
    public static async Task<BuiltImage> BuildAsync(
        DockerClient docker, ServerImageSpec spec, Action<string>? log = null, Action<BuildStep>? steps = null,
        CancellationToken cancellationToken = default)
    {
        var context = CreateContext(spec);
        using var model = CreateModelLayer(spec);
        return await AppImage.BuildAsync(docker, context, spec.Tag, spec.Labels, model, log, steps, cancellationToken);
    }
}
