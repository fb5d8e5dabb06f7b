using MlopsBuild.Containers.Engine;
using MlopsBuild.Containers.Images;
using MlopsBuild.Engine.Paths;

/// <summary>The image of the environments' front router (src/MlopsBuild.Router), built only when a router container must be created.</summary>
partial class Build
{
    const string RouterImageTag = "mlopsbuild/router:latest";

    static AbsolutePath PublishedRouter => PackageDirectory / "router";

    /// <summary>Publishes the router and builds its image on <paramref name="docker"/>'s engine; an unchanged router rebuilds from the cache.</summary>
    async Task<string> RouterImageAsync(DockerClient docker, CancellationToken cancellationToken)
    {
        PublishSelfContained("MlopsBuild.Router", PublishedRouter);
        if (BaseImage == LocalBaseImage.DefaultName) await LocalBaseImage.EnsureAsync(docker, BaseImage, Console.WriteLine, cancellationToken);
        var labels = new Dictionary<string, string> { ["org.opencontainers.image.title"] = "mlopsbuild/router" };
        var image = await RouterImage.BuildAsync(docker, new RouterImageSpec(BaseImage, PublishedRouter, RouterImageTag, labels),
            line => Console.WriteLine(line.TrimEnd()), cancellationToken);
        return image.Id;
    }
}
