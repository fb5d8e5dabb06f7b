namespace MlopsBuild.Core.Hashing;

/// <summary>
/// How far the hashing of one file has got, reported by <see cref="ContentHasher"/> after each buffer it reads (files
/// answered from the cache are not read, so not reported). The last report of a file has <paramref name="Finished"/> set.
/// </summary>
/// <param name="Path">The file's full path.</param>
/// <param name="TotalBytes">The file's size when hashing started.</param>
public sealed record FileHashProgress(string Path, long BytesHashed, long TotalBytes, bool Finished);
