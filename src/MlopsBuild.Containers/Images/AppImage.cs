using MlopsBuild.Containers.Context;
using MlopsBuild.Containers.Engine;

namespace MlopsBuild.Containers.Images;

/// <summary>Builds an app image through the engine and reads back what was built.</summary>
static class AppImage
{
    public static async Task<BuiltImage> BuildAsync(
        DockerClient docker, BuildContext context, string tag, IReadOnlyDictionary<string, string> labels, Action<string>? log,
        Action<BuildStep>? steps, CancellationToken cancellationToken)
    {
        var id = await docker.BuildImageAsync(context, new ImageBuildRequest(tag) { Labels = labels }, log, steps, cancellationToken);
        var image = await docker.InspectImageAsync(id, cancellationToken)
            ?? throw new DockerException($"Docker built {tag} as {id}, but does not show that image.");
        return new BuiltImage(image.Id, tag, image.Size);
    }
}
