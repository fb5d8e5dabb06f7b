using MlopsBuild.Containers.Engine;
using MlopsBuild.Containers.Distribution;
using MlopsBuild.Deployment.Environments;
using MlopsBuild.Deployment.Rollouts;
using MlopsBuild.Deployment.Smoke;
using MlopsBuild.Testing.Docker;
using MlopsBuild.Testing.Serving;

namespace MlopsBuild.Deployment.Tests.Rollouts;

/// <summary>Blue/green deployments on the real engine, with real model servers, the real router and images pulled by digest from the local registry.</summary>
public sealed class BlueGreenDeploymentTests(DeploymentImages images) : IClassFixture<DeploymentImages>, IAsyncLifetime
{
    readonly DockerClient docker = DockerRequirement.Client();
    readonly DeploymentEnvironment lab = new("lab", DockerEndpoint.FromEnvironment(),
        RegistryRepository.Parse($"{DockerRequirement.Registry}/mlopsbuild-tests/lab"), FreePorts.Block(4), $"t{Guid.NewGuid():N}"[..12],
        HealthSettings.Default with { ReadyTimeout = TimeSpan.FromSeconds(30) });
    readonly List<string> log = [];

    [DockerFact(NeedsRegistry = true)]
    public async Task Versions_come_and_go_and_a_broken_one_never_serves_while_clients_see_no_failed_request()
    {
        var built = await images.GetAsync();
        var deployer = Deployer(built);

        var first = await deployer.DeployAsync(built.Release(built.V1));
        Assert.Equal((Slot.Blue, (string?)null), (first.Slot, first.PreviousLabel));
        await using (var clients = new ClientLoop(lab.PublicAddress, ServerRecords.Of(built.Signature, built.Rows)[0], RouterHeaders.UpstreamLabel))
        {
            await Task.Delay(300);
            var second = await deployer.DeployAsync(built.Release(built.V2));
            var broken = await Assert.ThrowsAsync<DeploymentException>(() => deployer.DeployAsync(built.Release(built.V3Broken)));
            var status = await EnvironmentInspector.InspectAsync(docker, lab);
            var third = await deployer.DeployAsync(built.Release(built.V1));
            await Task.Delay(300);
            await clients.StopAsync();

            Assert.Equal((Slot.Green, "v1"), (second.Slot, second.PreviousLabel));
            Assert.StartsWith("v3 failed its checks in lab and was not switched to: the model server at", broken.Message);
            Assert.Contains("stopped before it was ready", broken.Message);
            Assert.Contains("lab serves v2, unchanged.", broken.Message);
            Assert.Contains("Its output:", broken.Message); // the server's own startup error, for whoever reads the failure
            Assert.True(status.Healthy, status.Summary);
            Assert.Equal(("v2", built.V2.Image.ToString()), (status.Label, status.Image));
            Assert.Equal((Slot.Blue, "v2"), (third.Slot, third.PreviousLabel));
            Assert.Empty(clients.Failures);
            Assert.True(clients.Succeeded > 100, $"only {clients.Succeeded} requests succeeded");
            Assert.True(clients.AnsweredBy.ContainsKey("v1") && clients.AnsweredBy.ContainsKey("v2"), string.Join(", ", clients.AnsweredBy));
        }
        Assert.Null(await docker.InspectContainerAsync(lab.SlotContainer(Slot.Green))); // the old slot was stopped and removed
    }

    [DockerFact(NeedsRegistry = true)]
    public async Task An_image_that_predicts_other_than_its_tested_model_is_not_switched_to()
    {
        var built = await images.GetAsync();
        var deployer = Deployer(built);
        await deployer.DeployAsync(built.Release(built.V1));

        var error = await Assert.ThrowsAsync<DeploymentException>(() => deployer.DeployAsync(built.Release(built.V2, checkedAgainst: built.V1.Model)));

        Assert.Contains("the image does not serve the tested model", error.Message);
        var status = await EnvironmentInspector.InspectAsync(docker, lab);
        Assert.Equal(("v1", true), (status.Label, status.Healthy));
        Assert.Null(await docker.InspectContainerAsync(lab.SlotContainer(Slot.Green)));
    }

    [DockerFact(NeedsRegistry = true)]
    public async Task A_version_that_fails_through_the_router_after_the_switch_is_switched_back_from()
    {
        var built = await images.GetAsync();
        var deployer = Deployer(built);
        await deployer.DeployAsync(built.Release(built.V1));
        var checks = 0;
        // Passes when asked directly, fails when asked through the router: what a server that breaks under real traffic looks like.
        var flaky = built.Release(built.V2) with
        {
            SmokeCheck = (server, cancellationToken) => ++checks == 1 ? built.Release(built.V2).SmokeCheck(server, cancellationToken) : throw new SmokeTestException("row 0 differs"),
        };

        var error = await Assert.ThrowsAsync<SwitchedBackException>(() => deployer.DeployAsync(flaky));

        Assert.Equal(("v2", "v1"), (error.FailedLabel, error.RestoredLabel));
        Assert.Contains("switched back to v1", error.Message);
        var status = await EnvironmentInspector.InspectAsync(docker, lab);
        Assert.Equal(("v1", true), (status.Label, status.Healthy));
    }

    BlueGreenDeployer Deployer(DeploymentImages.Built built) =>
        new(docker, lab, _ => Task.FromResult(built.RouterImage), line => { lock (log) log.Add(line); });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var container in new[] { lab.RouterContainer, lab.SlotContainer(Slot.Blue), lab.SlotContainer(Slot.Green) })
            await docker.RemoveContainerAsync(container);
        docker.Dispose();
    }
}
