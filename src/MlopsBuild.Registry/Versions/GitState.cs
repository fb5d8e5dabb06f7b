namespace MlopsBuild.Registry.Versions;

/// <summary>The source a model was built from: commit, branch (null when detached) and whether the tree had uncommitted changes.</summary>
public sealed record GitState(string Commit, string? Branch, bool Dirty);
