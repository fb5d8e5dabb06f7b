using System.Diagnostics;

namespace MlopsBuild.Testing;

/// <summary>One of the repository's apps published self-contained for linux-x64 (what goes into its image), into a temporary folder.</summary>
public static class PublishedApp
{
    /// <summary>
    /// Restores, then publishes with --no-restore, as the build does: a publish that restored by itself would restore
    /// the project's references for linux-x64 too, which their lock files (and CI's locked restore) do not allow.
    /// </summary>
    public static async Task<string> PublishAsync(string project, string outputFolder)
    {
        var path = RepositoryRoot.File("src", project);
        await DotNetAsync("restore", path);
        await DotNetAsync("publish", path, "--no-restore", "-c", "Release", "-r", "linux-x64", "--self-contained", "true", "-o", outputFolder);
        return outputFolder;
    }

    static async Task DotNetAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The test host's MSBuild variables would steer the nested build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList()) start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed:\n{await output}{await errors}");
    }
}
