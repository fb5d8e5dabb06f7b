using MlopsBuild.Testing.Docker;
using System.Net.Http.Headers;
using MlopsBuild.Containers.Context;
using MlopsBuild.Containers.Engine;
using MlopsBuild.Containers.Tests.Docker;

namespace MlopsBuild.Containers.Tests.Engine;

/// <summary>The client against the real engine (see <see cref="DockerRequirement"/> for when these skip).</summary>
public sealed class DockerClientTests : IAsyncLifetime
{
    readonly DockerClient docker = DockerRequirement.Client();
    readonly ScratchImages scratch;

    public DockerClientTests() => scratch = new ScratchImages(docker);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await scratch.DisposeAsync();
        docker.Dispose();
    }

    [DockerFact]
    public async Task The_api_version_is_the_older_of_the_client_and_the_engine()
    {
        var engine = Version.Parse((await docker.VersionAsync()).ApiVersion);

        var negotiated = await docker.NegotiateApiVersionAsync();

        Assert.Equal(engine < DockerClient.NewestApiVersion ? engine : DockerClient.NewestApiVersion, negotiated);
    }

    [DockerFact]
    public async Task A_container_runs_as_built_and_its_exit_code_and_both_streams_come_back()
    {
        var (imageId, _) = await scratch.BuildScriptImageAsync("print", """
            echo "out: $GREETING as $(id -u)"
            echo "err: $1" >&2
            exit 3
            """);
        var id = await scratch.CreateAsync(new ContainerSpec(imageId)
        {
            Command = ["argument"],
            Environment = new Dictionary<string, string> { ["GREETING"] = "hello" },
            User = "10001:10001",
            Labels = new Dictionary<string, string> { ["org.mlopsbuild.test"] = "print" },
        });

        await docker.StartContainerAsync(id);
        var exitCode = await docker.WaitContainerAsync(id);
        var logs = await docker.ContainerLogsAsync(id);
        var state = await docker.InspectContainerAsync(id);

        Assert.Equal(3, exitCode);
        Assert.Equal(new ContainerLogs("out: hello as 10001\n", "err: argument\n"), logs);
        Assert.NotNull(state);
        Assert.Equal(("exited", false, 3), (state.Status, state.Running, state.ExitCode));
        Assert.Null(state.Health);
        Assert.Equal("print", state.Labels["org.mlopsbuild.test"]);

        await docker.RemoveContainerAsync(id);
        Assert.Null(await docker.InspectContainerAsync(id));
    }

    [DockerFact]
    public async Task A_running_container_reports_its_health_and_stops_when_asked()
    {
        var (imageId, _) = await scratch.BuildScriptImageAsync("sleeper", "exec sleep 120\n");
        var id = await scratch.CreateAsync(new ContainerSpec(imageId)
        {
            HealthCheck = new HealthCheck(["/bin/true"]) { Interval = TimeSpan.FromMilliseconds(200), Retries = 1 },
        });
        await docker.StartContainerAsync(id);

        var health = await WaitForHealthAsync(id, TimeSpan.FromSeconds(30));
        await docker.StopContainerAsync(id, TimeSpan.FromSeconds(1));
        var stopped = await docker.InspectContainerAsync(id);

        Assert.Equal("healthy", health);
        Assert.NotNull(stopped);
        Assert.False(stopped.Running);
    }

    [DockerFact]
    public async Task A_containers_restart_policy_is_set_at_creation_and_can_be_changed_later()
    {
        var (imageId, _) = await scratch.BuildScriptImageAsync("restarter", "exec sleep 120\n");
        var id = await scratch.CreateAsync(new ContainerSpec(imageId) { RestartPolicy = "on-failure" });
        var created = await docker.InspectContainerAsync(id);

        await docker.SetRestartPolicyAsync(id, "unless-stopped");
        var changed = await docker.InspectContainerAsync(id);

        Assert.Equal(("on-failure", "unless-stopped"), (created!.RestartPolicy, changed!.RestartPolicy));
    }

    [DockerFact]
    public async Task A_failing_build_step_raises_the_engines_message()
    {
        var baseImage = await DockerRequirement.BaseImageAsync();
        var tag = ScratchImages.UniqueTag("broken");
        scratch.Track(tag);
        var context = new BuildContext().AddText("Dockerfile", $"FROM {baseImage.Id}\nRUN exit 7\n");
        var log = new List<string>();

        var error = await Assert.ThrowsAsync<DockerException>(() => docker.BuildImageAsync(context, new ImageBuildRequest(tag), log.Add));

        Assert.StartsWith($"Docker could not build the image {tag}: ", error.Message);
        Assert.Contains("returned a non-zero code: 7", error.Message);
        Assert.Contains(log, line => line.Contains("RUN exit 7"));
    }

    [DockerFact]
    public async Task An_archive_that_leaves_out_a_layer_the_engine_lacks_is_refused_with_the_engines_message()
    {
        var tag = ScratchImages.UniqueTag("unloadable");
        scratch.Track(tag);
        var missingLayer = new string('e', 64);
        var config = $$$"""{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["sha256:{{{missingLayer}}}"]}}""";
        var archive = new BuildContext()
            .AddText("manifest.json", $$$"""[{"Config":"config.json","RepoTags":["{{{tag}}}"],"Layers":["{{{missingLayer}}}/layer.tar"]}]""")
            .AddText("config.json", config);

        var error = await Assert.ThrowsAsync<DockerException>(() => docker.LoadImageAsync(new MemoryStream(archive.ToBytes())));

        Assert.StartsWith("Docker could not load an image archive: ", error.Message);
        Assert.Contains("layer.tar", error.Message);
        Assert.Null(await docker.InspectImageAsync(tag));
    }

    [DockerFact]
    public async Task A_missing_image_inspects_as_null_and_creating_from_it_names_it()
    {
        var missing = ScratchImages.UniqueTag("missing");

        Assert.Null(await docker.InspectImageAsync(missing));
        var error = await Assert.ThrowsAsync<DockerException>(() => docker.CreateContainerAsync(new ContainerSpec(missing)));

        Assert.Contains($"create a container from {missing}", error.Message);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
    }

    [DockerFact(NeedsRegistry = true)]
    public async Task A_pushed_image_has_the_digest_the_registry_serves()
    {
        var (imageId, _) = await scratch.BuildScriptImageAsync("pushed", "echo pushed\n");
        var target = ImageReference.Parse($"{DockerRequirement.Registry}/{ScratchImages.UniqueTag("pushed")}");
        await docker.TagImageAsync(imageId, target);
        scratch.Track(target.ToString());
        var progress = new List<string>();

        var digest = await docker.PushImageAsync(target, progress.Add);

        Assert.Matches("^sha256:[0-9a-f]{64}$", digest);
        Assert.Equal(digest, await RegistryManifestDigestAsync(target));
        Assert.Contains($"{target.Repository}@{digest}", (await docker.InspectImageAsync(target.ToString()))!.RepoDigests);
        Assert.Contains(progress, line => line.Contains("digest: " + digest));
    }

    async Task<string?> WaitForHealthAsync(string id, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            var health = (await docker.InspectContainerAsync(id, timeout.Token))?.Health;
            if (health is not "starting" || timeout.IsCancellationRequested) return health;
            await Task.Delay(100, CancellationToken.None);
        }
    }

    /// <summary>Asks the registry itself (its HTTP API), not the engine, which manifest the tag names.</summary>
    static async Task<string?> RegistryManifestDigestAsync(ImageReference reference)
    {
        var repository = reference.Repository[(DockerRequirement.Registry.Length + 1)..];
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, $"http://{DockerRequirement.Registry}/v2/{repository}/manifests/{reference.Tag}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.docker.distribution.manifest.v2+json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.oci.image.manifest.v1+json"));
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Docker-Content-Digest").Single();
    }
}
