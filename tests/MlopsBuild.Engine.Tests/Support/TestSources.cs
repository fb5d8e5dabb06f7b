namespace MlopsBuild.Engine.Tests.Support;

/// <summary>The repository's files as tests see them, from the source paths the compiler recorded.</summary>
public static class TestSources
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The file a <c>[CallerFilePath]</c> names: deterministic builds map the repository root to /_/.</summary>
    public static string PathOf(string sourceFile) =>
        Path.Combine(RepositoryRoot, sourceFile.Replace("/_/", "").Replace('\\', '/'));

    /// <summary>The 1-based number of the only line of <paramref name="sourceFile"/> that contains <paramref name="marker"/>.</summary>
    public static int LineOf(string marker, string sourceFile)
    {
        var lines = File.ReadAllLines(PathOf(sourceFile));
        return Enumerable.Range(0, lines.Length).Single(i => lines[i].Contains(marker, StringComparison.Ordinal)) + 1;
    }

    static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "MlopsBuild.sln"))) return directory.FullName;
        throw new InvalidOperationException("MlopsBuild.sln not found above " + AppContext.BaseDirectory);
    }
}
