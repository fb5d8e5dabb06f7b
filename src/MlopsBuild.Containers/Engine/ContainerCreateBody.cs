namespace MlopsBuild.Containers.Engine;

/// <summary>The JSON body of POST /containers/create, in the engine's own property names.</summary>
sealed record ContainerCreateBody(
    string Image,
    IReadOnlyList<string>? Cmd,
    IReadOnlyList<string>? Entrypoint,
    IReadOnlyList<string> Env,
    IReadOnlyDictionary<string, string> Labels,
    string? User,
    ContainerCreateBody.HealthConfig? Healthcheck,
    ContainerCreateBody.HostConfigBody HostConfig)
{
    public bool Tty => false; // one framed stream per stdout/stderr, so logs can tell them apart

    public static ContainerCreateBody From(ContainerSpec spec) => new(
        spec.Image,
        spec.Command,
        spec.Entrypoint,
        [.. spec.Environment.Select(variable => $"{variable.Key}={variable.Value}")],
        spec.Labels,
        spec.User,
        spec.HealthCheck is { } check ? HealthConfig.From(check) : null,
        new HostConfigBody(spec.NetworkMode, new RestartPolicyBody(spec.RestartPolicy)));

    /// <summary>Durations in nanoseconds, as the engine takes them.</summary>
    public sealed record HealthConfig(IReadOnlyList<string> Test, long Interval, long Timeout, long StartPeriod, int Retries)
    {
        public static HealthConfig From(HealthCheck check) => new(
            ["CMD", .. check.Command], Nanoseconds(check.Interval), Nanoseconds(check.Timeout), Nanoseconds(check.StartPeriod), check.Retries);

        static long Nanoseconds(TimeSpan duration) => duration.Ticks * 100;
    }

    public sealed record HostConfigBody(string NetworkMode, RestartPolicyBody RestartPolicy);

    public sealed record RestartPolicyBody(string Name);
}
