namespace MlopsBuild.Containers.Engine;

/// <summary>A container's state (GET /containers/{id}/json).</summary>
/// <param name="Status">created, running, paused, restarting, removing, exited or dead.</param>
/// <param name="RestartPolicy">no, on-failure, always or unless-stopped.</param>
/// <param name="Health">starting, healthy or unhealthy; null when the container has no health check.</param>
public sealed record ContainerInfo(
    string Id,
    string Name,
    string Image,
    string Status,
    bool Running,
    int ExitCode,
    string? Health,
    string? Error,
    IReadOnlyDictionary<string, string> Labels,
    string RestartPolicy);
