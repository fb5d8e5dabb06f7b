using System.ComponentModel;
using System.Diagnostics;

namespace MlopsBuild.Engine.Git;

/// <summary>Asks the git CLI whether the work tree has changes; the only fact that needs git itself.</summary>
internal static class GitWorkTreeStatus
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>True when anything is modified, staged or untracked; null when git is missing, fails or hangs.</summary>
    public static bool? IsDirty(GitLayout layout, string gitExecutable = "git")
    {
        var startInfo = new ProcessStartInfo(gitExecutable)
        {
            WorkingDirectory = layout.WorkTree,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        // Explicit paths so a GIT_DIR/GIT_WORK_TREE inherited from a hook cannot point git at another repository.
        startInfo.ArgumentList.Add($"--git-dir={layout.GitDirectory}");
        startInfo.ArgumentList.Add($"--work-tree={layout.WorkTree}");
        foreach (var argument in new[] { "status", "--porcelain", "--untracked-files=normal" })
            startInfo.ArgumentList.Add(argument);
        // Do not take index.lock to refresh the index, which could fail a git command the user runs meanwhile.
        startInfo.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        startInfo.Environment.Remove("GIT_INDEX_FILE");

        try
        {
            using var process = Process.Start(startInfo)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!Task.WaitAll([output, errors, process.WaitForExitAsync()], Timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            return process.ExitCode == 0 ? output.Result.Length > 0 : null;
        }
        catch (Exception exception) when (exception is Win32Exception or InvalidOperationException or IOException or AggregateException)
        {
            return null;
        }
    }
}
