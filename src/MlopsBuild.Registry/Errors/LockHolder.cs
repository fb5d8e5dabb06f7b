namespace MlopsBuild.Registry.Errors;

/// <summary>The process that holds the registry's writer lock.</summary>
public sealed record LockHolder(int ProcessId, string Host, string Actor, DateTimeOffset Since);
