namespace MlopsBuild.Containers.Engine;

/// <summary>A container health check: the engine runs <see cref="Command"/> (exec form) every interval; exit 0 is healthy.</summary>
public sealed record HealthCheck(IReadOnlyList<string> Command)
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);
    public TimeSpan StartPeriod { get; init; } = TimeSpan.Zero;
    public int Retries { get; init; } = 3;
}
