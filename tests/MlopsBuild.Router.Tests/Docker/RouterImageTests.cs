using System.Net;
using MlopsBuild.Containers.Engine;
using MlopsBuild.Containers.Images;
using MlopsBuild.Router.Tests.Support;
using MlopsBuild.Testing;
using MlopsBuild.Testing.Docker;

namespace MlopsBuild.Router.Tests.Docker;

/// <summary>The router's image, built from the published router on the local base and run on the host's network.</summary>
public sealed class RouterImageTests
{
    [DockerFact]
    public async Task The_router_image_forwards_to_an_upstream_it_is_switched_to_as_a_non_root_user()
    {
        using var docker = DockerRequirement.Client();
        using var folder = new TemporaryDirectory();
        await using var upstream = await TestUpstream.StartAsync("blue");
        var baseImage = await DockerRequirement.BaseImageAsync();
        await PublishedApp.PublishAsync("MlopsBuild.Router", folder.Path);
        var tag = $"mlopsbuild-tests/router:{Guid.NewGuid():N}";
        string? container = null;
        try
        {
            var image = await RouterImage.BuildAsync(docker, new RouterImageSpec(baseImage.Id, folder.Path, tag,
                new Dictionary<string, string> { ["org.opencontainers.image.revision"] = "abc123" }));
            var (port, adminPort) = (FreePort.Next(), FreePort.Next());
            container = await docker.CreateContainerAsync(new ContainerSpec(image.Id) { Command = ["--port", port.ToString(), "--admin-port", adminPort.ToString()] });
            await docker.StartContainerAsync(container);
            using var router = new RouterClients(port, adminPort);
            await Poll.UntilAsync(router.AdminAnswersAsync, "the router in its container to listen", timeoutSeconds: 30);

            using var put = await router.Admin.PutAsync("upstream", new StringContent($$"""{"upstream":"{{upstream.Address}}","label":"v3"}"""));
            using var response = await router.Public.PostAsync("v2/models/loans/infer", new StringContent("{}"));
            var inspected = await docker.InspectImageAsync(image.Id);

            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(["v3"], response.Headers.GetValues(RunningRouter.LabelHeader));
            Assert.Equal(["blue"], response.Headers.GetValues(TestUpstream.NameHeader));
            Assert.Equal("10001:10001", inspected!.User);
            Assert.Equal("abc123", inspected.Labels["org.opencontainers.image.revision"]);
        }
        finally
        {
            if (container is not null) await docker.RemoveContainerAsync(container);
            await docker.RemoveImageAsync(tag);
        }
    }

    sealed class RouterClients(int port, int adminPort) : IDisposable
    {
        public HttpClient Public { get; } = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        public HttpClient Admin { get; } = new() { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}/") };

        public async Task<bool> AdminAnswersAsync()
        {
            try
            {
                return (await Admin.GetStringAsync("health")) == "ok";
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            Public.Dispose();
            Admin.Dispose();
        }
    }
}
