namespace MlopsBuild.Serving;

/// <summary>The server cannot start: a setting is wrong or the model cannot be read. The message says what to do.</summary>
public sealed class StartupException(string message) : Exception(message);
