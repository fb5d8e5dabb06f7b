using MlopsBuild.Containers.Context;
using MlopsBuild.Containers.Engine;

namespace MlopsBuild.Containers.Images;

/// <summary>
/// Builds an app image in two parts. The engine's builder makes the app (its Dockerfile's steps, cached from one build
/// to the next) as an unnamed image. Then the labels and the optional top layer (a server's model) are added here and
/// the result is loaded under the tag: on a storage driver like vfs each builder step that changes the image copies
/// its whole filesystem, so a new model or new labels through the builder cost seconds per step, and here one layer.
/// </summary>
static class AppImage
{
    public static async Task<BuiltImage> BuildAsync(
        DockerClient docker, BuildContext context, string tag, IReadOnlyDictionary<string, string> labels, ImageLayer? top,
        Action<string>? log, Action<BuildStep>? steps, CancellationToken cancellationToken)
    {
        var stepCount = 0;
        var app = await docker.BuildImageAsync(context, new ImageBuildRequest(Tag: null), log, step =>
        {
            stepCount = step.Count;
            steps?.Invoke(top is null ? step : step with { Count = step.Count + 1 });
        }, cancellationToken);
        if (top is not null) steps?.Invoke(new BuildStep(stepCount + 1, stepCount + 1, top.CreatedBy));

        using var inspected = await docker.InspectImageJsonAsync(app, cancellationToken)
            ?? throw new DockerException($"Docker built {tag}'s app as {app}, but does not show that image.");
        var history = await docker.ImageHistoryAsync(app, cancellationToken);
        var (configuration, diffIds) = ImageConfig.Compose(inspected.RootElement, history, labels, top);

        // The archive goes to a temporary file first: the request then has a length.
        await using (var archive = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
            bufferSize: 1 << 16, FileOptions.DeleteOnClose))
        {
            var id = ImageArchive.Write(archive, configuration, tag, diffIds, top);
            archive.Position = 0;
            await docker.LoadImageAsync(archive, log, cancellationToken);
            var image = await docker.InspectImageAsync(tag, cancellationToken)
                ?? throw new DockerException($"Docker loaded {tag}, but does not show that image.");
            if (image.Id != id)
                throw new DockerException($"Docker loaded {tag} as {image.Id}, not as {id}, the digest of the configuration it was given.");
            return new BuiltImage(image.Id, tag, image.Size);
        }
    }
}
