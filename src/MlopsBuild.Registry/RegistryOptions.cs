namespace MlopsBuild.Registry;

/// <summary>How a registry instance behaves: its clock (tests; "which version was in factory on date X") and how long a writer waits for the lock.</summary>
public sealed record RegistryOptions
{
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
