using System.Globalization;
using MlopsBuild.Containers.Engine;
using MlopsBuild.Deployment.Environments;

namespace MlopsBuild.Deployment.Rollouts;

/// <summary>
/// The environment's front router: one long-lived container on the public port that forwards to the serving slot.
/// It is created on the first deployment and kept from then on; its switch state lives in the container's own
/// filesystem, so a restart of the container (or of the engine) resumes forwarding to the slot it last switched to.
/// </summary>
public static class RouterContainer
{
    const string StatePath = "/tmp/mlops-router-state.json";
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Starts the router if it is not up; <paramref name="routerImage"/> is asked for only when the container must be created.</summary>
    public static async Task EnsureRunningAsync(DockerClient docker, DeploymentEnvironment environment, RouterClient router,
        Func<CancellationToken, Task<string>> routerImage, Action<string> log, CancellationToken cancellationToken)
    {
        if (await router.IsUpAsync(cancellationToken)) return;
        var existing = await docker.InspectContainerAsync(environment.RouterContainer, cancellationToken);
        string id;
        if (existing is null)
        {
            var image = await routerImage(cancellationToken);
            log($"{environment.Name}: starting its router {environment.RouterContainer} on {environment.PublicAddress} (admin {environment.AdminAddress})");
            id = await docker.CreateContainerAsync(Spec(environment, image), cancellationToken);
        }
        else
        {
            log($"{environment.Name}: its router {environment.RouterContainer} is {existing.Status}; starting it again");
            id = existing.Id;
        }
        await docker.StartContainerAsync(id, cancellationToken);

        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await router.IsUpAsync(cancellationToken))
        {
            var state = await docker.InspectContainerAsync(id, cancellationToken);
            if (state is not { Running: true } || DateTime.UtcNow > deadline)
            {
                var logs = await docker.ContainerLogsAsync(id, cancellationToken);
                throw new DeploymentException(
                    $"The {environment.Name} router ({environment.RouterContainer}) did not come up on {environment.AdminAddress} " +
                    $"({(state is { Running: true } ? $"no answer within {StartTimeout.TotalSeconds:0} s" : $"it exited with code {state?.ExitCode}")}): " +
                    $"is another program using port {environment.Port} or {environment.AdminPort}? Its output:\n{logs.Stdout}{logs.Stderr}");
            }
            await Task.Delay(50, cancellationToken);
        }
        // Only once it answers: a router that cannot start must fail here, not be restarted in a loop.
        await docker.SetRestartPolicyAsync(id, "unless-stopped", cancellationToken);
    }

    static ContainerSpec Spec(DeploymentEnvironment environment, string image) => new(image)
    {
        Name = environment.RouterContainer,
        Command =
        [
            "--host", environment.ListenHost,
            "--port", environment.Port.ToString(CultureInfo.InvariantCulture),
            "--admin-port", environment.AdminPort.ToString(CultureInfo.InvariantCulture),
            "--state", StatePath,
        ],
        Labels = DeploymentLabels.Router(environment),
    };
}
