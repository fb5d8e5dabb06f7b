namespace MlopsBuild.Deployment.Environments;

/// <summary>How long a deployment may take at each step before it counts as failed.</summary>
/// <param name="ReadyTimeout">From container start until /v2/health/ready answers 200.</param>
/// <param name="DrainTimeout">After the switch, how long the old slot may take to finish the requests it still holds.</param>
/// <param name="StopTimeout">After SIGTERM, how long the old server has to shut down before it is killed.</param>
public sealed record HealthSettings(TimeSpan ReadyTimeout, TimeSpan DrainTimeout, TimeSpan StopTimeout)
{
    public static HealthSettings Default { get; } = new(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));
}
