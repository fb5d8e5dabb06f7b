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
        var info = new FileInfo(fullPath);
        if (!info.Exists) throw new FileNotFoundException($"Cannot hash '{fullPath}': the file does not exist.", fullPath);
        var size = info.Length;
        var lastWriteUtc = info.LastWriteTimeUtc;
        if (cache.TryGet(info.FullName, size, lastWriteUtc, out var cached)) return cached;

        var startedUtc = DateTime.UtcNow;
        var hash = HashStream(info.FullName, size);
        Interlocked.Increment(ref _filesRead);
        cache.Store(info.FullName, size, lastWriteUtc, hash, startedUtc);
        return hash;
    }

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

    string HashStream(string fullPath, long size)
    {
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long hashed = 0;
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, BufferSize)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                hashed += read;
                progress?.Invoke(new FileHashProgress(fullPath, hashed, size, Finished: false));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            // Also after a failed read, so that a display showing this file can close it.
            progress?.Invoke(new FileHashProgress(fullPath, hashed, size, Finished: true));
        }
        return Format(hash.GetHashAndReset());
    }

    static string Format(byte[] digest) => Prefix + Convert.ToHexStringLower(digest);
}
