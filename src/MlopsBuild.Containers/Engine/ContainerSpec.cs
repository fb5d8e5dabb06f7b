namespace MlopsBuild.Containers.Engine;

/// <summary>What POST /containers/create needs. Host networking by default: containers listen on 127.0.0.1 here.</summary>
public sealed record ContainerSpec(string Image)
{
    /// <summary>The container's name; null lets the engine pick one.</summary>
    public string? Name { get; init; }

    /// <summary>Arguments after the image's entrypoint (or the command itself when the image has none); null keeps the image's.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Replaces the image's entrypoint; null keeps it.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>"uid:gid" or a user name; null keeps the image's USER.</summary>
    public string? User { get; init; }

    public string NetworkMode { get; init; } = "host";

    /// <summary>The engine's restart policy: "no" (default), "on-failure", "always" or "unless-stopped".</summary>
    public string RestartPolicy { get; init; } = "no";
    public HealthCheck? HealthCheck { get; init; }
}
