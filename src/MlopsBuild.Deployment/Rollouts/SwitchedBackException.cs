namespace MlopsBuild.Deployment.Rollouts;

/// <summary>
/// The new version failed its checks after the router had switched to it, and the router was switched back: the
/// environment serves <see cref="RestoredLabel"/> again (an automatic rollback, which the caller records).
/// </summary>
public sealed class SwitchedBackException(string message, string failedLabel, string? restoredLabel) : Exception(message)
{
    public string FailedLabel { get; } = failedLabel;
    public string? RestoredLabel { get; } = restoredLabel;
}
