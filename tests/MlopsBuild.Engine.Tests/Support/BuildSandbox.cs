using MlopsBuild.Engine;

namespace MlopsBuild.Engine.Tests.Support;

/// <summary>A temporary repository root with a .nuke folder, in which test builds run in-process.</summary>
public sealed class BuildSandbox : IDisposable
{
    public BuildSandbox()
    {
        Root = Path.Combine(Path.GetTempPath(), "mlops-engine-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, ".nuke"));
    }

    public string Root { get; }

    public Dictionary<string, string?> Environment { get; } = new();

    /// <summary>Runs as if the output were an interactive terminal (it is still captured).</summary>
    public bool OutputIsTerminal { get; set; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), content);
    }

    public BuildResult Run<T>(params string[] args) where T : PipelineBuild, new() => RunWithDefault<T>(null, args);

    public BuildResult RunWithDefault<T>(string? defaultTarget, params string[] args) where T : PipelineBuild, new()
    {
        var output = new StringWriter();
        var host = new BuildHost(output, name => Environment.GetValueOrDefault(name), Root) { OutputIsTerminal = OutputIsTerminal };
        var exitCode = BuildRunner.Run<T>(args, host, defaultTarget);
        return new BuildResult(exitCode, output.ToString(), this);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}

public sealed record BuildResult(int ExitCode, string Output, BuildSandbox Sandbox)
{
    public string Manifest => File.ReadAllText(Sandbox.PathOf("artifacts/run-manifest.json"));

    /// <summary>The summary row of a target ("Train  Up to date  –  ..."), for asserting its status.</summary>
    public string SummaryRow(string target)
    {
        var summary = Output[Output.LastIndexOf("Target ", StringComparison.Ordinal)..];
        return summary.Split('\n').Single(line => line.StartsWith(target + " ", StringComparison.Ordinal));
    }

    public override string ToString() => $"exit {ExitCode}\n{Output}";
}
