using System.Diagnostics;
using System.Globalization;
using MlopsBuild.Containers.Engine;
using MlopsBuild.Deployment.Environments;
using MlopsBuild.Deployment.Smoke;

namespace MlopsBuild.Deployment.Rollouts;

/// <summary>
/// Puts a release into an environment with no failed request: start it in the idle slot beside the serving one, wait
/// until it is ready, hold its predictions to offline scoring, switch the router to it, check it through the router,
/// let the old slot finish what it holds, stop it. A release that fails before the switch never serves; one that fails
/// the check through the router is switched away from again (<see cref="SwitchedBackException"/>).
/// </summary>
public sealed class BlueGreenDeployer(DockerClient docker, DeploymentEnvironment environment, Func<CancellationToken, Task<string>> routerImage, Action<string> log)
{
    /// <exception cref="DeploymentException">The release failed before the switch; the environment serves what it served.</exception>
    /// <exception cref="SwitchedBackException">The release failed after the switch and the router was switched back.</exception>
    public async Task<DeploymentOutcome> DeployAsync(Release release, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        using var adminHttp = Http(environment.AdminAddress);
        var router = new RouterClient(adminHttp);
        await RouterContainer.EnsureRunningAsync(docker, environment, router, routerImage, log, cancellationToken);
        var before = await router.GetAsync(cancellationToken);
        var serving = environment.SlotAt(before.Upstream);
        var target = serving?.Other() ?? Slot.Blue;
        log($"{Serving(before)}; starting {release.Label} ({release.Image}) in the {target.Name()} slot on {environment.SlotAddress(target)}");

        await docker.PullImageAsync(release.Image, cancellationToken: cancellationToken);
        await docker.RemoveContainerAsync(environment.SlotContainer(target), cancellationToken); // what a failed or interrupted deploy left
        var container = await docker.CreateContainerAsync(SlotSpec(release, target), cancellationToken);
        await docker.StartContainerAsync(container, cancellationToken);

        var rows = await CheckBeforeSwitchAsync(release, target, container, before, cancellationToken);
        // Only now: a new version that crashes at start must fail its deployment, not be restarted in a loop.
        await docker.SetRestartPolicyAsync(container, "unless-stopped", cancellationToken);
        await router.SwitchAsync(environment.SlotAddress(target), release.Label, cancellationToken);
        await CheckAfterSwitchAsync(release, target, container, router, before, cancellationToken);
        var timeToServing = clock.Elapsed;
        log($"{environment.Name}: serves {release.Label} from the {target.Name()} slot, {timeToServing.TotalSeconds:0.0} s after the deployment started");

        if (serving is { } old) await RetireAsync(router, old, cancellationToken);
        return new DeploymentOutcome(environment.Name, release.Label, release.Image, target, before.Label, rows, timeToServing);
    }

    async Task<int> CheckBeforeSwitchAsync(Release release, Slot target, string container, RouterState before, CancellationToken cancellationToken)
    {
        try
        {
            using var http = Http(environment.SlotAddress(target));
            var server = new ModelServerClient(http);
            await server.WaitReadyAsync(environment.Health.ReadyTimeout, () => IsRunningAsync(container, cancellationToken), cancellationToken);
            var rows = await release.SmokeCheck(server, cancellationToken);
            log($"  {release.Label} is ready in {target.Name()}; its predictions on {rows} rows equal offline scoring");
            return rows;
        }
        catch (Exception e) when (IsCheckFailure(e, cancellationToken))
        {
            var output = await OutputAsync(container, cancellationToken);
            await docker.RemoveContainerAsync(container, cancellationToken);
            throw new DeploymentException(
                $"{release.Label} failed its checks in {environment.Name} and was not switched to: {e.Message}. {Serving(before)}, unchanged.{output}");
        }
    }

    /// <summary>Through the router, as clients see it: ready, answered by the new version, predicting what it must.</summary>
    async Task CheckAfterSwitchAsync(Release release, Slot target, string container, RouterClient router, RouterState before, CancellationToken cancellationToken)
    {
        try
        {
            using var http = Http(environment.PublicAddress);
            if (await ReadinessThroughRouter.ProblemAsync(http, release.Label, cancellationToken) is { } problem)
                throw new SmokeTestException($"through the router, {problem}");
            await release.SmokeCheck(new ModelServerClient(http), cancellationToken);
        }
        catch (Exception e) when (IsCheckFailure(e, cancellationToken))
        {
            if (before.Upstream is { } previous) await router.SwitchAsync(previous, before.Label ?? "", cancellationToken);
            await router.WaitDrainedAsync(environment.SlotAddress(target), environment.Health.DrainTimeout, cancellationToken);
            var output = await OutputAsync(container, cancellationToken);
            await docker.RemoveContainerAsync(container, cancellationToken);
            var restored = before.Upstream is null ? "it had served nothing before, and serves nothing now" : $"switched back to {before.Label}";
            throw new SwitchedBackException($"{release.Label} failed its check through the {environment.Name} router after the switch: {e.Message}; {restored}.{output}",
                release.Label, before.Label);
        }
    }

    /// <summary>Lets the old slot answer what it still holds, then stops it (SIGTERM: the server drains) and removes it.</summary>
    async Task RetireAsync(RouterClient router, Slot old, CancellationToken cancellationToken)
    {
        if (!await router.WaitDrainedAsync(environment.SlotAddress(old), environment.Health.DrainTimeout, cancellationToken))
            log($"warning: the {old.Name()} slot of {environment.Name} still had requests in flight after {environment.Health.DrainTimeout.TotalSeconds:0} s; stopping it anyway");
        await docker.StopContainerAsync(environment.SlotContainer(old), environment.Health.StopTimeout, cancellationToken);
        await docker.RemoveContainerAsync(environment.SlotContainer(old), cancellationToken);
    }

    /// <summary>A server that answered wrongly, not at all, or too late; not the caller cancelling.</summary>
    static bool IsCheckFailure(Exception e, CancellationToken cancellationToken) =>
        e is SmokeTestException or HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    ContainerSpec SlotSpec(Release release, Slot slot) => new(release.Image.ToString())
    {
        Name = environment.SlotContainer(slot),
        Command = ["--host", environment.ListenHost, "--port", environment.SlotPort(slot).ToString(CultureInfo.InvariantCulture)],
        Labels = DeploymentLabels.Slot(environment, slot, release),
    };

    async Task<bool> IsRunningAsync(string container, CancellationToken cancellationToken) =>
        (await docker.InspectContainerAsync(container, cancellationToken))?.Running == true;

    async Task<string> OutputAsync(string container, CancellationToken cancellationToken)
    {
        var logs = await docker.ContainerLogsAsync(container, cancellationToken);
        var text = (logs.Stdout + logs.Stderr).TrimEnd();
        return text.Length == 0 ? "" : $" Its output:\n{text}";
    }

    string Serving(RouterState state) =>
        state.Upstream is null ? $"{environment.Name} serves nothing yet" : $"{environment.Name} serves {state.Label ?? "an unlabelled version"}";

    static HttpClient Http(Uri address) => new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
}
