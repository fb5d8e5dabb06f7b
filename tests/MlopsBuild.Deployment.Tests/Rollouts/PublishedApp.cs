using System.Diagnostics;
using MlopsBuild.Testing;

namespace MlopsBuild.Deployment.Tests.Rollouts;

/// <summary>One of the repository's apps published self-contained for linux-x64 (what goes into its image), into a temporary folder.</summary>
static class PublishedApp
{
    public static async Task<string> PublishAsync(string project, string outputFolder)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["publish", RepositoryRoot.File("src", project), "-c", "Release", "-r", "linux-x64", "--self-contained", "true", "-o", outputFolder])
            start.ArgumentList.Add(argument);
        // The test host's MSBuild variables would steer the nested build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList()) start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet publish {project} failed:\n{await output}{await errors}");
        return outputFolder;
    }
}
