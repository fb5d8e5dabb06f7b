namespace MlopsBuild.Engine.Paths;

/// <summary>
/// A normalised absolute file-system path. <c>root / "data" / "loans.csv"</c> composes paths without
/// string plumbing; relative text is resolved against the build's root directory when converted.
/// </summary>
public sealed record AbsolutePath : IComparable<AbsolutePath>
{
    AbsolutePath(string fullPath) => FullPath = fullPath;

    public string FullPath { get; }

    public string Name => Path.GetFileName(FullPath);

    public AbsolutePath? Parent => Path.GetDirectoryName(FullPath) is { } parent ? new AbsolutePath(parent) : null;

    public bool FileExists => File.Exists(FullPath);

    public bool DirectoryExists => Directory.Exists(FullPath);

    public bool Exists => FileExists || DirectoryExists;

    public static AbsolutePath Create(string path, string? relativeTo = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.IsPathRooted(path) || relativeTo is null
            ? Path.GetFullPath(path)
            : Path.GetFullPath(path, relativeTo);
        return new AbsolutePath(Path.TrimEndingDirectorySeparator(full) is { Length: > 0 } trimmed ? trimmed : full);
    }

    public static AbsolutePath operator /(AbsolutePath left, string right)
    {
        if (Path.IsPathRooted(right))
            throw new ArgumentException($"Cannot append the rooted path '{right}' to '{left}'.", nameof(right));
        return Create(Path.Combine(left.FullPath, right));
    }

    public static implicit operator string(AbsolutePath path) => path.FullPath;

    /// <summary>The path relative to <paramref name="root"/> with '/' separators, as written in lock files and reports.</summary>
    public string RelativeTo(AbsolutePath root) => Path.GetRelativePath(root.FullPath, FullPath).Replace('\\', '/');

    public bool IsInside(AbsolutePath directory) =>
        FullPath.StartsWith(directory.FullPath + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Relative to <paramref name="root"/> when inside it (data/loans.csv), otherwise the full path.</summary>
    public string Display(AbsolutePath root) => IsInside(root) ? RelativeTo(root) : FullPath;

    public int CompareTo(AbsolutePath? other) => string.CompareOrdinal(FullPath, other?.FullPath);

    public override string ToString() => FullPath;
}
