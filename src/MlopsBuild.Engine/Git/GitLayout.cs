namespace MlopsBuild.Engine.Git;

/// <summary>
/// Where a repository keeps its pieces. GitDirectory holds this work tree's HEAD; CommonDirectory holds the
/// shared refs and config. They differ for linked worktrees ("commondir" file) and are equal otherwise.
/// </summary>
internal sealed record GitLayout(string WorkTree, string GitDirectory, string CommonDirectory)
{
    const string GitFilePrefix = "gitdir:";

    /// <summary>Searches <paramref name="startDirectory"/> and its parents for ".git"; null when there is none.</summary>
    public static GitLayout? Find(string startDirectory)
    {
        var start = Path.TrimEndingDirectorySeparator(Path.GetFullPath(startDirectory));
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var dotGit = Path.Combine(directory.FullName, ".git");
            var gitDirectory = Directory.Exists(dotGit) ? dotGit
                : File.Exists(dotGit) ? ReadGitFile(dotGit, directory.FullName)
                : null;
            // Like git, skip a ".git" directory that is not a repository (no HEAD) and keep searching upwards.
            if (gitDirectory is not null && File.Exists(Path.Combine(gitDirectory, "HEAD")))
                return new GitLayout(directory.FullName, gitDirectory, ReadCommonDirectory(gitDirectory));
        }
        return null;
    }

    // Worktrees and submodules have a ".git" file "gitdir: <path>", the path relative to the file's directory.
    static string ReadGitFile(string dotGitFile, string workTree)
    {
        var content = File.ReadAllText(dotGitFile).Trim();
        if (!content.StartsWith(GitFilePrefix, StringComparison.Ordinal))
            throw new GitException($"'{dotGitFile}' is not a valid .git file: expected 'gitdir: <path>'.");
        var gitDirectory = Path.GetFullPath(Path.Combine(workTree, content[GitFilePrefix.Length..].Trim()));
        if (!File.Exists(Path.Combine(gitDirectory, "HEAD")))
            throw new GitException($"'{dotGitFile}' points at '{gitDirectory}', which is not a Git directory; "
                + "the worktree or submodule may have been moved or pruned.");
        return gitDirectory;
    }

    static string ReadCommonDirectory(string gitDirectory)
    {
        var commonDirFile = Path.Combine(gitDirectory, "commondir");
        return File.Exists(commonDirFile)
            ? Path.GetFullPath(Path.Combine(gitDirectory, File.ReadAllText(commonDirFile).Trim()))
            : gitDirectory;
    }
}
