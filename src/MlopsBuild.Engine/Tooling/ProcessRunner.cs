using System.Diagnostics;

namespace MlopsBuild.Engine.Tooling;

/// <summary>
/// Runs a command-line tool from a target. Its output goes through the console, so it is masked and attributed
/// like the target's own lines; a non-zero exit fails the target with one clear message.
/// </summary>
public static class ProcessRunner
{
    public static void Run(string tool, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var process = new Process { StartInfo = start };
        // The handlers run on pool threads, outside this target's async flow: hold on to its log.
        var log = Output.ConsoleRouter.Current;
        void Write(string? line)
        {
            if (line is null) return;
            if (log is not null) log.Append(line + "\n");
            else Console.WriteLine(line);
        }
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BuildFailedException($"Cannot start '{tool}': {e.Message}. Is it installed and on PATH?");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new BuildFailedException($"'{tool} {string.Join(' ', start.ArgumentList)}' exited with code {process.ExitCode}.");
    }
}
