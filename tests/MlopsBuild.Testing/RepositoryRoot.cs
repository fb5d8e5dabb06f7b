namespace MlopsBuild.Testing;

/// <summary>The repository's root: the first directory above the test binaries that holds MlopsBuild.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "MlopsBuild.sln"))) return directory.FullName;
        throw new InvalidOperationException($"No MlopsBuild.sln above {AppContext.BaseDirectory}.");
    }
}
