namespace MlopsBuild.Engine.Git;

/// <summary>Resolves HEAD to a commit and branch by reading the ref files, without running git.</summary>
internal static class GitRefs
{
    const string SymbolicPrefix = "ref:";
    const string BranchPrefix = "refs/heads/";
    // git gives up on longer chains of symbolic refs too.
    const int MaxSymbolicDepth = 5;

    public static (string? Commit, string? Branch) ReadHead(GitLayout layout)
    {
        // Repositories using reftable keep a placeholder HEAD and store refs in a binary format.
        if (Directory.Exists(Path.Combine(layout.CommonDirectory, "reftable")))
            throw new GitException($"The repository at '{layout.WorkTree}' stores refs in the reftable format, which "
                + "MlopsBuild cannot read; convert it with 'git refs migrate --ref-format=files'.");

        var headFile = Path.Combine(layout.GitDirectory, "HEAD");
        var head = File.ReadAllText(headFile).Trim();
        if (IsObjectId(head))
            return (head, null);
        var target = ParseSymbolicTarget(head, headFile);
        var branch = target.StartsWith(BranchPrefix, StringComparison.Ordinal) ? target[BranchPrefix.Length..] : null;
        return (Resolve(layout, target), branch);
    }

    /// <summary>The commit a ref points at, following symbolic refs; null when the ref does not exist.</summary>
    static string? Resolve(GitLayout layout, string refName)
    {
        for (var depth = 0; depth < MaxSymbolicDepth; depth++)
        {
            var looseFile = FindLooseRef(layout, refName);
            if (looseFile is null)
                return FindPackedRef(layout, refName);
            var content = File.ReadAllText(looseFile).Trim();
            if (IsObjectId(content))
                return content;
            refName = ParseSymbolicTarget(content, looseFile);
        }
        throw new GitException($"The ref chain from HEAD in '{layout.WorkTree}' is longer than {MaxSymbolicDepth} "
            + "symbolic refs; it is probably a loop.");
    }

    // Per-worktree refs live in the git dir, shared ones in the common dir.
    static string? FindLooseRef(GitLayout layout, string refName) =>
        new[] { layout.GitDirectory, layout.CommonDirectory }
            .Select(directory => Path.Combine(directory, refName))
            .FirstOrDefault(File.Exists);

    // Lines are "<object id> <ref name>"; "#" lines are headers and "^" lines peel the tag above them.
    static string? FindPackedRef(GitLayout layout, string refName)
    {
        var packedRefs = Path.Combine(layout.CommonDirectory, "packed-refs");
        if (!File.Exists(packedRefs))
            return null;
        foreach (var line in File.ReadLines(packedRefs))
        {
            if (line.StartsWith('#') || line.StartsWith('^'))
                continue;
            var space = line.IndexOf(' ');
            if (space > 0 && line.AsSpan(space + 1).TrimEnd().SequenceEqual(refName) && IsObjectId(line[..space]))
                return line[..space];
        }
        return null;
    }

    static string ParseSymbolicTarget(string content, string file)
    {
        var target = content.StartsWith(SymbolicPrefix, StringComparison.Ordinal)
            ? content[SymbolicPrefix.Length..].Trim()
            : null;
        // Ref names are paths under the git dir, so refuse anything that could step outside "refs/".
        if (target is null || !target.StartsWith("refs/", StringComparison.Ordinal) || target.Split('/').Contains(".."))
            throw new GitException($"'{file}' holds neither an object id nor 'ref: refs/...': '{content}'.");
        return target;
    }

    static bool IsObjectId(string text) => text.Length is 40 or 64 && text.All(char.IsAsciiHexDigitLower);
}
