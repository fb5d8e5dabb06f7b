using System.Security.Cryptography;
using System.Text;
using MlopsBuild.Core.Hashing;

namespace MlopsBuild.Data.Fingerprints;

/// <summary>A data file's identity for lineage: its name, size and content hash.</summary>
public sealed record FileFingerprint(string Path, string Name, long Bytes, string Hash);

/// <summary>
/// Content hashes of a dataset's files and of the dataset as a whole (the hash of its files' names and hashes),
/// so a model can name the exact data it came from. Unchanged files are not re-read (see <see cref="HashCache"/>).
/// </summary>
public static class DatasetFingerprint
{
    public static IReadOnlyList<FileFingerprint> Files(IReadOnlyList<string> paths, ContentHasher hasher) =>
        paths.Select(path => new FileFingerprint(Path.GetFullPath(path), System.IO.Path.GetFileName(path), new FileInfo(path).Length, hasher.HashFile(Path.GetFullPath(path))))
            .ToList();

    public static string Of(IEnumerable<FileFingerprint> files)
    {
        var text = new StringBuilder();
        foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal)) text.Append(file.Name).Append('\0').Append(file.Hash).Append('\n');
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
