using System.Diagnostics;

namespace MlopsBuild.Router.Tests.Support;

/// <summary>The built router run as its own process (<c>dotnet MlopsBuild.Router.dll …</c>), with no MLOPS_ROUTER_ variable but those given.</summary>
sealed class RouterProcess : IDisposable
{
    readonly Process process;
    readonly Task<string> error;

    RouterProcess(Process process)
    {
        this.process = process;
        error = process.StandardError.ReadToEndAsync();
        // Drained so that the router never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
    }

    public int Id => process.Id;

    public static RouterProcess Start(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(RouterProgram).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith(RouterSettings.EnvironmentPrefix, StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return new RouterProcess(Process.Start(start)!);
    }

    /// <summary>Runs the router to its end, which must come within a minute: for settings it must refuse.</summary>
    public static (int ExitCode, string Error) Run(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var router = Start(args, environment);
        return (router.WaitForExit(), router.error.Result);
    }

    public int WaitForExit()
    {
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The router did not exit within a minute.");
        }
        return process.ExitCode;
    }

    /// <summary>What the router wrote to stderr, once it has exited.</summary>
    public string Error => error.Result;

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
