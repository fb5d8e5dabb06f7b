namespace MlopsBuild.Core.Hashing;

/// <summary>What a file looked like (size and last-write time) when it had this content hash.</summary>
internal readonly record struct HashCacheEntry(long Size, long LastWriteTicks, string Hash);
