using System.Diagnostics;
using System.Text;

namespace MlopsBuild.EndToEnd.Tests;

/// <summary>A throw-away copy of the repository's bootstrap and engine in a temp folder, driven through build.sh.</summary>
public sealed class TemporaryRepository : IDisposable
{
    static readonly string[] RootFiles = ["build.sh", "build.ps1", "global.json", "Directory.Build.props", "Directory.Packages.props", "nuget.config"];

    public TemporaryRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "mlops-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, ".nuke"));
    }

    public string Root { get; }

    public static string SourceRoot { get; } = FindSourceRoot();

    /// <summary>The bootstrap, the libraries and the given build folder: the smallest repository build.sh works in.</summary>
    public static TemporaryRepository WithBuild(string buildFolder)
    {
        var repository = new TemporaryRepository();
        foreach (var file in RootFiles) File.Copy(Path.Combine(SourceRoot, file), repository.PathOf(file));
        CopyDirectory(Path.Combine(SourceRoot, "src"), repository.PathOf("src"));
        CopyDirectory(buildFolder, repository.PathOf("build"));
        return repository;
    }

    /// <summary>Every file git tracks in this repository (what a fresh clone has).</summary>
    public static TemporaryRepository CloneOfSources()
    {
        var repository = new TemporaryRepository();
        var tracked = Run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], SourceRoot, null).Output
            .Split('\0', StringSplitOptions.RemoveEmptyEntries);
        foreach (var file in tracked.Where(f => File.Exists(Path.Combine(SourceRoot, f))))
        {
            var target = repository.PathOf(file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(SourceRoot, file), target);
        }
        return repository;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), content);
    }

    public ProcessResult BuildSh(params string[] arguments) => BuildShFrom(Root, null, arguments);

    public ProcessResult BuildShFrom(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        Run("bash", [PathOf("build.sh"), .. arguments], workingDirectory, environment);

    public static ProcessResult Run(string tool, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The test host's MSBuild and VSTest variables would steer the nested `dotnet build`; a user's shell has none.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment.Remove("GITHUB_ACTIONS");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', start.ArgumentList)} did not finish in 5 minutes:\n{output}");
        }
        process.WaitForExit();
        lock (output) return new ProcessResult(process.ExitCode, output.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    static void CopyDirectory(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(destination, relative))!);
            File.Copy(file, Path.Combine(destination, relative));
        }
    }

    static string FindSourceRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "MlopsBuild.sln"))) return directory.FullName;
        throw new InvalidOperationException("MlopsBuild.sln not found above " + AppContext.BaseDirectory);
    }
}

public sealed record ProcessResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}";
}
