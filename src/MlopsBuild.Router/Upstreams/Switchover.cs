using Microsoft.Extensions.Logging;
using MlopsBuild.Router.Monitoring;
using MlopsBuild.Router.State;

namespace MlopsBuild.Router.Upstreams;

/// <summary>
/// A switch as the admin API makes it: recorded in the state file first, then made current, one switch at a time —
/// so that whatever the router forwards to is what a restart would come back to.
/// </summary>
sealed class Switchover(UpstreamSwitch upstreams, StateFile? stateFile, RouterMetrics metrics, TimeProvider time, ILogger logger)
{
    readonly Lock gate = new();

    /// <exception cref="IOException">The state file cannot be written; the upstream is unchanged.</exception>
    /// <exception cref="UnauthorizedAccessException">The state file cannot be written; the upstream is unchanged.</exception>
    public UpstreamState SwitchTo(Uri address, string? label)
    {
        UpstreamState? previous;
        var next = new UpstreamState(address, label, time.GetUtcNow());
        lock (gate)
        {
            previous = upstreams.Current;
            stateFile?.Write(next);
            upstreams.SwitchTo(next);
        }
        metrics.Switched();
        logger.LogInformation("Switched to {Upstream} ({Label}); was {Previous} ({PreviousLabel})",
            next.AddressText, next.Label ?? "no label", previous?.AddressText ?? "none", previous?.Label ?? "no label");
        return next;
    }
}
