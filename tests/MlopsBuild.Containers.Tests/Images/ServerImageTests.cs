using MlopsBuild.Testing.Docker;
using MlopsBuild.Containers.Context;
using MlopsBuild.Containers.Engine;
using MlopsBuild.Containers.Images;
using MlopsBuild.Containers.Tests.Docker;
using MlopsBuild.Testing;

namespace MlopsBuild.Containers.Tests.Images;

/// <summary>A server-like image (a shell script for a server) built and run on the real engine.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ServerImageTests : IAsyncLifetime
{
    readonly DockerClient docker = DockerRequirement.Client();
    readonly ScratchImages scratch;
    readonly TemporaryDirectory folder = new();

    public ServerImageTests() => scratch = new ScratchImages(docker);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await scratch.DisposeAsync();
        docker.Dispose();
        folder.Dispose();
    }

    [DockerFact]
    public async Task The_server_runs_as_non_root_with_the_model_argument_and_the_images_labels()
    {
        var spec = await SpecAsync(model: "weights v1");

        var image = await ServerImage.BuildAsync(docker, spec);
        var id = await scratch.CreateAsync(new ContainerSpec(image.Id));
        await docker.StartContainerAsync(id);
        var exitCode = await docker.WaitContainerAsync(id);
        var logs = await docker.ContainerLogsAsync(id);
        var inspected = await docker.InspectImageAsync(image.Tag);

        Assert.Equal(0, exitCode);
        Assert.Equal("uid=10001 args=--model /model/model.mlmodel model=weights v1\n", logs.Stdout);
        Assert.NotNull(inspected);
        Assert.Equal(image.Id, inspected.Id);
        Assert.True(image.Size > 0);
        Assert.Equal("10001:10001", inspected.User);
        Assert.Equal("abc123", inspected.Labels["org.opencontainers.image.revision"]);
    }

    [DockerFact]
    public async Task A_model_only_change_rebuilds_only_the_last_layer()
    {
        var first = await ServerImage.BuildAsync(docker, await SpecAsync(model: "weights v1"));
        var log = new List<string>();

        var second = await ServerImage.BuildAsync(docker, await SpecAsync(model: "weights v2"), log.Add);

        var firstLayers = (await docker.InspectImageAsync(first.Id))!.Layers;
        var secondLayers = (await docker.InspectImageAsync(second.Id))!.Layers;
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(firstLayers.Count, secondLayers.Count);
        Assert.Equal(firstLayers.SkipLast(1), secondLayers.SkipLast(1));
        Assert.NotEqual(firstLayers[^1], secondLayers[^1]);
        Assert.Contains(log, line => line.Contains("Using cache"));
    }

    [DockerFact]
    public async Task The_same_server_model_and_labels_give_the_same_image_id()
    {
        var spec = await SpecAsync(model: "weights v1");
        var first = await ServerImage.BuildAsync(docker, spec);

        var second = await ServerImage.BuildAsync(docker, spec);

        Assert.Equal(first.Id, second.Id);
    }

    [DockerFact]
    public async Task The_history_names_a_step_for_every_layer_and_the_model_last()
    {
        var image = await ServerImage.BuildAsync(docker, await SpecAsync(model: "weights v1"));

        var history = await docker.ImageHistoryAsync(image.Id);
        var layers = (await docker.InspectImageAsync(image.Id))!.Layers;

        Assert.Equal(layers.Count, history.Count(step => step.Size > 0));
        Assert.Equal("COPY model.mlmodel /model/model.mlmodel", history[^1].CreatedBy);
        Assert.Contains(history, step => step.CreatedBy.Contains("USER 10001:10001"));
    }

    async Task<ServerImageSpec> SpecAsync(string model)
    {
        var baseImage = await DockerRequirement.BaseImageAsync();
        var server = folder.Write("published/server", """
            #!/bin/sh
            echo "uid=$(id -u) args=$* model=$(cat /model/model.mlmodel)"
            """);
        File.SetUnixFileMode(server, BuildContext.DirectoryMode);
        var modelFile = folder.Write("model.mlmodel", model);
        File.SetUnixFileMode(modelFile, UnixFileMode.UserRead | UnixFileMode.UserWrite); // 0600: the image must still let the server read it
        var tag = ScratchImages.UniqueTag("server");
        scratch.Track(tag);
        return new ServerImageSpec(baseImage.Id, Path.GetDirectoryName(server)!, ["/app/server"], modelFile, tag,
            new Dictionary<string, string> { ["org.opencontainers.image.revision"] = "abc123" });
    }
}
