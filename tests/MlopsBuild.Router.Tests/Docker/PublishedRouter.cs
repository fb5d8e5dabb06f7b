using System.Diagnostics;
using MlopsBuild.Testing;

namespace MlopsBuild.Router.Tests.Docker;

/// <summary>The router published as its image takes it: self-contained for linux-x64, into a temporary folder.</summary>
static class PublishedRouter
{
    public static async Task PublishAsync(string outputFolder)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "publish", RepositoryRoot.File("src", "MlopsBuild.Router", "MlopsBuild.Router.csproj"), "-c", "Release", "-r", "linux-x64", "--self-contained", "true", "-o", outputFolder })
            start.ArgumentList.Add(arg);
        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var error = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        Assert.True(publish.ExitCode == 0, $"dotnet publish of the router failed:\n{await output}\n{await error}");
    }
}
