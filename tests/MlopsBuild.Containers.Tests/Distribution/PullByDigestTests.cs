using MlopsBuild.Containers.Distribution;
using MlopsBuild.Containers.Engine;
using MlopsBuild.Containers.Tests.Docker;
using MlopsBuild.Testing.Docker;

namespace MlopsBuild.Containers.Tests.Distribution;

/// <summary>The engine pulls the promoted image by digest and runs exactly it.</summary>
public sealed class PullByDigestTests : IAsyncLifetime
{
    readonly DockerClient docker = DockerRequirement.Client();
    readonly ScratchImages scratch;
    readonly string root = PushedImages.UniqueRoot();

    public PullByDigestTests() => scratch = new ScratchImages(docker);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await scratch.DisposeAsync();
        docker.Dispose();
    }

    [DockerFact(NeedsRegistry = true)]
    public async Task An_image_copied_to_factory_pulls_by_digest_as_the_same_image_and_runs()
    {
        var (imageId, lab) = await PushedImages.PushAsync(docker, scratch, $"{root}/lab", "echo pulled by digest\n");
        using var registry = new OciRegistryClient(DockerRequirement.Registry);
        var factory = await registry.CopyAsync(lab, RegistryRepository.Parse($"{root}/factory"), tag: null);
        scratch.Track(factory.ToString());
        await docker.RemoveImageAsync(imageId);
        Assert.Null(await docker.InspectImageAsync(imageId));
        var progress = new List<string>();

        var pulledId = await docker.PullImageAsync(factory, progress.Add);

        Assert.Equal(imageId, pulledId);
        Assert.Contains(factory.ToString(), (await docker.InspectImageAsync(factory.ToString()))!.RepoDigests);
        Assert.Contains(progress, line => line.Contains("Digest: " + factory.Digest));
        var container = await scratch.CreateAsync(new ContainerSpec(factory.ToString()));
        await docker.StartContainerAsync(container);
        Assert.Equal(0, await docker.WaitContainerAsync(container));
        Assert.Equal("pulled by digest\n", (await docker.ContainerLogsAsync(container)).Stdout);
    }

    [DockerFact(NeedsRegistry = true)]
    public async Task Pulling_a_digest_the_registry_lacks_names_the_reference()
    {
        var missing = new ImageDigestReference($"{root}/factory", "sha256:" + new string('0', 64));

        var error = await Assert.ThrowsAsync<DockerException>(() => docker.PullImageAsync(missing));

        Assert.StartsWith($"Docker could not pull {missing}: ", error.Message);
    }
}
