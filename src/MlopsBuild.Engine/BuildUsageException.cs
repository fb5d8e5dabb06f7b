namespace MlopsBuild.Engine;

/// <summary>
/// A mistake in how the build was invoked or declared (unknown target, bad parameter, cycle...).
/// Shown as one message without a stack trace; the build exits with code 2.
/// </summary>
public sealed class BuildUsageException(string message) : Exception(message);
