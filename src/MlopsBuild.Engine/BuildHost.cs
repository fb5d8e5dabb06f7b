using MlopsBuild.Engine.Terminal;

namespace MlopsBuild.Engine;

/// <summary>
/// What a run sees of the world. The real entry point uses the process's; tests give their own, so many builds
/// can run side by side in one process.
/// </summary>
public sealed record BuildHost(
    TextWriter Out,
    Func<string, string?> Environment,
    string WorkingDirectory)
{
    public static BuildHost FromProcess() => Console.IsOutputRedirected
        ? new(Console.Out, System.Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory())
        : new(StandardOutput.ForTerminal(), System.Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory()) { OutputIsTerminal = true };

    public bool OnGitHubActions => Environment("GITHUB_ACTIONS") == "true";

    /// <summary>Whether <see cref="Out"/> is a terminal someone watches (progress may be drawn live), not a file or a pipe.</summary>
    public bool OutputIsTerminal { get; init; }
}
