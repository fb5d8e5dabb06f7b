using MlopsBuild.Containers.Distribution;
using MlopsBuild.Containers.Engine;
using MlopsBuild.Containers.Tests.Docker;
using MlopsBuild.Testing.Docker;

namespace MlopsBuild.Containers.Tests.Distribution;

/// <summary>Scratch images pushed to the local registry, each under its own repositories, as Package pushes the server image.</summary>
static class PushedImages
{
    /// <summary>A fresh <c>{registry}/mlopsbuild-tests/{guid}</c>: lab and factory repositories go under it.</summary>
    public static string UniqueRoot() => $"{DockerRequirement.Registry}/mlopsbuild-tests/{Guid.NewGuid():N}";

    /// <summary>Builds a script image, pushes it as <paramref name="repository"/>:v1 and returns its image id and digest reference.</summary>
    public static async Task<(string ImageId, ImageDigestReference Pushed)> PushAsync(
        DockerClient docker, ScratchImages scratch, string repository, string script)
    {
        var (imageId, _) = await scratch.BuildScriptImageAsync("pushed", script);
        var tagged = new ImageReference(repository, "v1");
        await docker.TagImageAsync(imageId, tagged);
        scratch.Track(tagged.ToString());
        var digest = await docker.PushImageAsync(tagged);
        return (imageId, new ImageDigestReference(repository, digest));
    }
}
