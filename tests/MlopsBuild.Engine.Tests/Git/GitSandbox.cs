using System.Diagnostics;

namespace MlopsBuild.Engine.Tests.Git;

/// <summary>
/// A temporary folder for real repositories made with the git CLI. Git runs with an empty global config
/// and no system config, so the machine's settings neither leak into nor get changed by the tests.
/// </summary>
sealed class GitSandbox : IDisposable
{
    public GitSandbox()
    {
        Root = Path.Combine(Path.GetTempPath(), $"mlopsbuild-git-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
        File.WriteAllText(GlobalConfig, "");
    }

    public string Root { get; }

    string GlobalConfig => Path.Combine(Root, "gitconfig");

    public string In(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>A repository on branch "main", with one commit unless <paramref name="withCommit"/> is false.</summary>
    public string CreateRepository(string name = "repo", bool withCommit = true)
    {
        var repository = In(name);
        Directory.CreateDirectory(repository);
        Git(repository, "init", "--initial-branch=main");
        if (withCommit)
            Commit(repository, "README.md", "hello");
        return repository;
    }

    public void Commit(string repository, string file, string content)
    {
        File.WriteAllText(Path.Combine(repository, file), content);
        Git(repository, "add", file);
        Git(repository, "commit", "--quiet", "-m", $"Change {file}");
    }

    /// <summary>Runs git and returns its trimmed output; a failing command fails the test.</summary>
    public string Git(string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        foreach (var inherited in new[] { "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR" })
            startInfo.Environment.Remove(inherited);
        startInfo.Environment["GIT_CONFIG_GLOBAL"] = GlobalConfig;
        startInfo.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        startInfo.Environment["GIT_AUTHOR_NAME"] = startInfo.Environment["GIT_COMMITTER_NAME"] = "MlopsBuild Tests";
        startInfo.Environment["GIT_AUTHOR_EMAIL"] = startInfo.Environment["GIT_COMMITTER_EMAIL"] = "tests@example.com";

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({process.ExitCode}): {errors.Result}");
        return output.Result.Trim();
    }

    public void Dispose()
    {
        // Git makes object files read-only, which stops Directory.Delete on Windows.
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(Root, recursive: true);
    }
}
