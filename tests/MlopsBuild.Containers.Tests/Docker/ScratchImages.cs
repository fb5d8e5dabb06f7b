using MlopsBuild.Testing.Docker;
using MlopsBuild.Containers.Context;
using MlopsBuild.Containers.Engine;

namespace MlopsBuild.Containers.Tests.Docker;

/// <summary>Tiny images and containers for engine tests, under unique names, removed on dispose.</summary>
public sealed class ScratchImages(DockerClient docker) : IAsyncDisposable
{
    readonly List<string> images = [];
    readonly List<string> containers = [];

    public static string UniqueTag(string name) => $"mlopsbuild-tests/{name}:{Guid.NewGuid():N}";

    /// <summary>Builds an image FROM the local base whose entrypoint is <paramref name="script"/> (a /bin/sh script).</summary>
    public async Task<(string Id, string Tag)> BuildScriptImageAsync(string name, string script, IReadOnlyDictionary<string, string>? labels = null)
    {
        var baseImage = await DockerRequirement.BaseImageAsync();
        var context = new BuildContext()
            .AddText("Dockerfile", $"FROM {baseImage.Id}\nCOPY run.sh /run.sh\nENTRYPOINT [\"/run.sh\"]\n")
            .AddText("run.sh", "#!/bin/sh\n" + script, BuildContext.DirectoryMode);
        var tag = UniqueTag(name);
        images.Add(tag);
        var id = await docker.BuildImageAsync(context, new ImageBuildRequest(tag) { Labels = labels ?? new Dictionary<string, string>() });
        return (id, tag);
    }

    public void Track(string image) => images.Add(image);

    public async Task<string> CreateAsync(ContainerSpec spec)
    {
        var id = await docker.CreateContainerAsync(spec);
        containers.Add(id);
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var container in containers) await docker.RemoveContainerAsync(container);
        foreach (var image in images) await docker.RemoveImageAsync(image);
    }
}
