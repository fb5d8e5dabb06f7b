namespace MlopsBuild.Core.Hashing;

/// <summary>On-disk shape of the hash cache: full path -> entry.</summary>
internal sealed record HashCacheFile(int Version, SortedDictionary<string, HashCacheEntry> Files)
{
    public const int CurrentVersion = 1;
}
