namespace MlopsBuild.Engine;

/// <summary>Thrown by a target to fail with a message meant for people; no stack trace is shown for it.</summary>
public sealed class BuildFailedException(string message) : Exception(message);
