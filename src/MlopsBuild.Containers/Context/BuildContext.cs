using System.Formats.Tar;
using System.Text;

namespace MlopsBuild.Containers.Context;

/// <summary>
/// A Docker build context: files from disk and generated entries (a Dockerfile), written as a deterministic tar.
/// The same entries give the same bytes on any machine at any time: entries sorted by path (ordinal), ustar headers
/// (no PAX header, whose name carries the writer's process id), a fixed mtime, uid/gid 0 without names.
/// File mode bits are kept (an executable stays executable); directories are always 0755, so a 0700 temp folder
/// does not lock a non-root container user out.
/// </summary>
public sealed class BuildContext
{
    /// <summary>The mtime of every entry: 2000-01-01 UTC (a constant, so the tar does not depend on when files were touched).</summary>
    public static readonly DateTimeOffset FixedModificationTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const UnixFileMode RegularFileMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public const UnixFileMode DirectoryMode = RegularFileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute
        | UnixFileMode.OtherExecute;

    readonly SortedDictionary<string, ContextEntry> entries = new(StringComparer.Ordinal);

    /// <summary>The paths in the order they are written (directories end with '/').</summary>
    public IReadOnlyList<string> Paths => [.. entries.Keys];

    public BuildContext AddText(string path, string content, UnixFileMode mode = RegularFileMode) =>
        AddBytes(path, Encoding.UTF8.GetBytes(content), mode);

    public BuildContext AddBytes(string path, byte[] content, UnixFileMode mode = RegularFileMode) =>
        Add(new ContextEntry(ContextPath.Normalise(path), IsDirectory: false, mode, () => new MemoryStream(content, writable: false)));

    /// <summary>Adds a file from disk; <paramref name="mode"/> null keeps the file's own mode bits.</summary>
    public BuildContext AddFile(string path, string sourceFile, UnixFileMode? mode = null)
    {
        if (!File.Exists(sourceFile))
            throw new FileNotFoundException($"Cannot add '{sourceFile}' to the build context as '{path}': the file does not exist.", sourceFile);
        var fullPath = Path.GetFullPath(sourceFile);
        return Add(new ContextEntry(ContextPath.Normalise(path), IsDirectory: false, mode ?? ModeOf(fullPath), () => File.OpenRead(fullPath)));
    }

    /// <summary>Adds a folder from disk and everything below it, under <paramref name="path"/>.</summary>
    public BuildContext AddDirectory(string path, string sourceDirectory)
    {
        if (!Directory.Exists(sourceDirectory))
            throw new DirectoryNotFoundException(
                $"Cannot add '{sourceDirectory}' to the build context as '{path}': the folder does not exist.");
        var root = ContextPath.Normalise(path);
        AddDirectoryEntry(root);
        var source = Path.GetFullPath(sourceDirectory);
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            AddDirectoryEntry($"{root}/{Path.GetRelativePath(source, directory)}");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            AddFile($"{root}/{Path.GetRelativePath(source, file)}", file);
        return this;
    }

    /// <summary>Adds a folder entry (mode 0755) with nothing in it yet.</summary>
    public BuildContext AddEmptyDirectory(string path)
    {
        AddDirectoryEntry(path);
        return this;
    }

    /// <summary>Writes the tar. Files are read now, so a file changed since it was added is written as it is now.</summary>
    public void WriteTo(Stream destination)
    {
        using var writer = new TarWriter(destination, TarEntryFormat.Ustar, leaveOpen: true);
        foreach (var entry in entries.Values)
        {
            var header = new UstarTarEntry(entry.IsDirectory ? TarEntryType.Directory : TarEntryType.RegularFile, entry.Path)
            {
                ModificationTime = FixedModificationTime,
                Mode = entry.Mode,
                Uid = 0,
                Gid = 0,
            };
            if (entry.OpenContent is null)
            {
                writer.WriteEntry(header);
                continue;
            }
            using var content = entry.OpenContent();
            header.DataStream = content;
            writer.WriteEntry(header);
        }
    }

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        WriteTo(buffer);
        return buffer.ToArray();
    }

    void AddDirectoryEntry(string path)
    {
        var normalised = ContextPath.Normalise(path, directory: true);
        entries.TryAdd(normalised, new ContextEntry(normalised, IsDirectory: true, DirectoryMode, OpenContent: null));
    }

    BuildContext Add(ContextEntry entry)
    {
        if (!entries.TryAdd(entry.Path, entry))
            throw new ArgumentException($"'{entry.Path}' is already in the build context: each path can be added once.");
        return this;
    }

    static UnixFileMode ModeOf(string file) => OperatingSystem.IsWindows() ? RegularFileMode : File.GetUnixFileMode(file);
}
