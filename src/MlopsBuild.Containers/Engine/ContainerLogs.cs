namespace MlopsBuild.Containers.Engine;

/// <summary>What a container wrote, each stream on its own.</summary>
public sealed record ContainerLogs(string Stdout, string Stderr);
