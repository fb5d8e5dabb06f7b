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
    public static BuildHost FromProcess() =>
        new(Console.Out, System.Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory());

    public bool OnGitHubActions => Environment("GITHUB_ACTIONS") == "true";
}
