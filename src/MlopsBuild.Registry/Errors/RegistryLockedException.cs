namespace MlopsBuild.Registry.Errors;

/// <summary>Another process held the registry's writer lock for longer than the allowed wait.</summary>
public sealed class RegistryLockedException(string message, LockHolder? holder) : RegistryException(message)
{
    /// <summary>Who held the lock, when it could be read.</summary>
    public LockHolder? Holder { get; } = holder;
}
