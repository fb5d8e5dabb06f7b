namespace MlopsBuild.Router;

/// <summary>The router cannot start: a setting or the state file is wrong. The message says what to do.</summary>
public sealed class StartupException(string message) : Exception(message);
