namespace MlopsBuild.Engine.Git;

/// <summary>Reads the Git facts recorded in a build's lineage.</summary>
public static class GitRepository
{
    /// <summary>
    /// Finds the repository containing <paramref name="startDirectory"/> (searching its parents) and reads its facts;
    /// null when there is none. <paramref name="environment"/> replaces the process environment when given.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The start directory does not exist.</exception>
    /// <exception cref="GitException">A repository was found but its metadata is malformed or unreadable.</exception>
    public static GitFacts? TryRead(string startDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(startDirectory);
        if (!Directory.Exists(startDirectory))
            throw new DirectoryNotFoundException($"Cannot read Git facts: '{Path.GetFullPath(startDirectory)}' does not exist.");

        Func<string, string?> variable = environment is null
            ? Environment.GetEnvironmentVariable
            : name => environment.GetValueOrDefault(name);
        try
        {
            var layout = GitLayout.Find(startDirectory);
            if (layout is null)
                return null;
            var (commit, branch) = GitRefs.ReadHead(layout);
            return new GitFacts(
                layout.WorkTree,
                commit,
                branch ?? GitHubActionsBranch.From(variable),
                GitWorkTreeStatus.IsDirty(layout),
                RemoteUrl.StripCredentials(GitConfigFile.ReadOriginUrl(Path.Combine(layout.CommonDirectory, "config"))));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new GitException($"Cannot read the Git metadata for '{Path.GetFullPath(startDirectory)}': {exception.Message}", exception);
        }
    }

    /// <summary>Like <see cref="TryRead"/>, but a directory outside any repository is an error.</summary>
    /// <exception cref="GitException">No repository contains the directory, or its metadata is unreadable.</exception>
    public static GitFacts Read(string startDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        return TryRead(startDirectory, environment) ?? throw new GitException(
            $"'{Path.GetFullPath(startDirectory)}' is not inside a Git repository (searched up to "
            + $"'{Path.GetPathRoot(Path.GetFullPath(startDirectory))}'); run 'git init' or pass a directory inside a Git repository.");
    }
}
