namespace MlopsBuild.Core.Tests.Hashing;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    /// <summary>A last-write time well outside the racy window, so hashes of files carrying it are cached.</summary>
    public static readonly DateTime OldTime = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public string Root { get; } = Directory.CreateTempSubdirectory("mlopsbuild-tests-").FullName;

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string content, DateTime? lastWriteUtc = null)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        if (lastWriteUtc is { } time) File.SetLastWriteTimeUtc(path, time);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
