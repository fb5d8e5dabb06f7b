using System.Buffers;
using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text;

namespace MlopsBuild.Core.Hashing;

/// <summary>
/// Content hashes ("sha256:" + lowercase hex) of files and directories, reusing <see cref="HashCache"/> entries
/// so that unchanged files are only stat'ed. Thread-safe.
/// </summary>
/// <param name="progress">Told how many bytes of each file read so far are hashed, for a progress display.</param>
public sealed class ContentHasher(HashCache cache, Action<FileHashProgress>? progress = null)
{
    const string Prefix = "sha256:";
    const int BufferSize = 1 << 20;

    // Makes a directory's hash differ from a file whose bytes equal the directory's manifest, e.g. an empty file.
    static readonly byte[] DirectoryTag = "dir\0"u8.ToArray();

    long _filesRead;

    /// <summary>How many files were actually read (cache misses); lets tests prove the cache is used.</summary>
    internal long FilesRead => Interlocked.Read(ref _filesRead);

    public string HashFile(string fullPath)
    {
        using var hashing = HashWhileReading(fullPath);
        if (!hashing.NeedsBytes) return hashing.Finish();
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, BufferSize)) > 0) hashing.Append(buffer.AsSpan(0, read));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return hashing.Finish();
    }

    /// <summary>
    /// The hash of a file that the caller is about to read anyway: from the cache if the file is unchanged, else computed
    /// from the bytes the caller appends as it reads them (see <see cref="FileHashing"/>).
    /// </summary>
    /// <param name="inBackground">Hash on a thread of its own, so that the caller's thread only copies the bytes.</param>
    public FileHashing HashWhileReading(string fullPath, bool inBackground = false)
    {
        var info = new FileInfo(fullPath);
        if (!info.Exists) throw new FileNotFoundException($"Cannot hash '{fullPath}': the file does not exist.", fullPath);
        var size = info.Length;
        var lastWriteUtc = info.LastWriteTimeUtc;
        return cache.TryGet(info.FullName, size, lastWriteUtc, out var cached)
            ? FileHashing.Known(info.FullName, size, cached)
            : FileHashing.Start(this, info.FullName, size, lastWriteUtc, inBackground);
    }

    /// <summary>A file was read and hashed; its hash is cached when the file did not change meanwhile.</summary>
    internal void Record(string fullPath, long size, DateTime lastWriteUtc, string hash, DateTime startedUtc, bool remember)
    {
        Interlocked.Increment(ref _filesRead);
        if (remember) cache.Store(fullPath, size, lastWriteUtc, hash, startedUtc);
    }

    internal void Report(FileHashProgress state) => progress?.Invoke(state);

    public string HashDirectory(string fullPath)
    {
        var root = Path.GetFullPath(fullPath);
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"Cannot hash '{root}': the directory does not exist.");

        using var manifest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        manifest.AppendData(DirectoryTag);
        foreach (var (relative, file) in EnumerateFiles(root))
        {
            // NUL cannot occur in a path or in a hash text, so the manifest is unambiguous.
            manifest.AppendData(Encoding.UTF8.GetBytes($"{relative}\0{HashFile(file)}\0"));
        }
        return Format(manifest.GetHashAndReset());
    }

    public string? TryHash(string fullPath)
    {
        if (File.Exists(fullPath)) return HashFile(fullPath);
        if (Directory.Exists(fullPath)) return HashDirectory(fullPath);
        return null;
    }

    public static string HashText(string text) => Format(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Every file under <paramref name="root"/> ('/'-separated relative path, full path), ordinal order by relative path.</summary>
    static IEnumerable<(string Relative, string Full)> EnumerateFiles(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        var files = new FileSystemEnumerable<string>(root, (ref FileSystemEntry entry) => entry.ToFullPath(), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
            // Symlinked directories are not followed: they can form cycles.
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        return files
            .Select(full => (Relative: Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/'), Full: full))
            .OrderBy(file => file.Relative, StringComparer.Ordinal);
    }

    internal static string Format(byte[] digest) => Prefix + Convert.ToHexStringLower(digest);
}
