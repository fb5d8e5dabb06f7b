namespace MlopsBuild.Engine.Git;

/// <summary>What a build records about the source it was built from.</summary>
/// <param name="RepositoryRoot">Root of the work tree (for a linked worktree or submodule, its own root).</param>
/// <param name="Commit">Full object id of HEAD (40 hex; 64 in SHA-256 repositories); null on an unborn branch.</param>
/// <param name="Branch">Short branch name (e.g. "feature/x"); null when HEAD is detached and CI does not name it.</param>
/// <param name="IsDirty">Whether tracked or untracked files differ from HEAD; null when git could not tell.</param>
/// <param name="RemoteUrl">URL of the "origin" remote without credentials; null when none is configured.</param>
public sealed record GitFacts(
    string RepositoryRoot,
    string? Commit,
    string? Branch,
    bool? IsDirty,
    string? RemoteUrl);
