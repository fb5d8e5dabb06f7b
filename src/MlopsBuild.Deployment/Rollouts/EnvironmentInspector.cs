using MlopsBuild.Containers.Engine;
using MlopsBuild.Deployment.Environments;

namespace MlopsBuild.Deployment.Rollouts;

/// <summary>Looks at an environment the way a release manager would: which version serves, from which image, and whether it answers.</summary>
public static class EnvironmentInspector
{
    /// <exception cref="DockerUnavailableException">The environment's engine does not answer: nothing can be said about what it runs.</exception>
    public static async Task<EnvironmentStatus> InspectAsync(DockerClient docker, DeploymentEnvironment environment, CancellationToken cancellationToken = default)
    {
        await docker.PingAsync(cancellationToken);
        using var adminHttp = new HttpClient { BaseAddress = environment.AdminAddress, Timeout = TimeSpan.FromSeconds(5) };
        var router = new RouterClient(adminHttp);
        if (!await router.IsUpAsync(cancellationToken))
            return Unhealthy(environment, null, null, null, $"no router answers at {environment.AdminAddress}: nothing is deployed to {environment.Name}, or its router {environment.RouterContainer} is down");

        var state = await router.GetAsync(cancellationToken);
        if (environment.SlotAt(state.Upstream) is not { } slot)
            return Unhealthy(environment, null, null, null, state.Upstream is null
                ? $"nothing is deployed to {environment.Name} yet"
                : $"the {environment.Name} router forwards to {state.Upstream}, which is neither of its slots");

        var container = await docker.InspectContainerAsync(environment.SlotContainer(slot), cancellationToken);
        var image = container?.Labels.GetValueOrDefault(DeploymentLabels.Image);
        if (container is not { Running: true })
            return Unhealthy(environment, state.Label, slot, image,
                $"{state.Label} should serve from {environment.SlotContainer(slot)}, which is {(container is null ? "missing" : container.Status)}");

        using var publicHttp = new HttpClient { BaseAddress = environment.PublicAddress, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            if (await ReadinessThroughRouter.ProblemAsync(publicHttp, state.Label, cancellationToken) is { } problem)
                return Unhealthy(environment, state.Label, slot, image, $"{state.Label} in {environment.Name}: through {environment.PublicAddress}, {problem}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return Unhealthy(environment, state.Label, slot, image, $"{state.Label} in {environment.Name}: {environment.PublicAddress} does not answer ({e.Message})");
        }
        return new EnvironmentStatus(environment.Name, state.Label, slot, image, Healthy: true,
            $"{state.Label} serves from the {slot.Name()} slot since {state.Since?.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z, ready on {environment.PublicAddress} ({image})");
    }

    static EnvironmentStatus Unhealthy(DeploymentEnvironment environment, string? label, Slot? slot, string? image, string summary) =>
        new(environment.Name, label, slot, image, Healthy: false, summary);
}
