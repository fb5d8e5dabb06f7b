namespace MlopsBuild.Data.Validation;

/// <summary>
/// A 64-bit hash of a value's text, to find duplicates in unique columns with 8 bytes per row instead of a string.
/// (FNV-1a with a SplitMix64 finaliser; two distinct values among a million collide with probability about 3e-8.)
/// </summary>
internal static class ValueHash
{
    public static ulong Of(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        hash ^= hash >> 30;
        hash *= 0xbf58476d1ce4e5b9UL;
        hash ^= hash >> 27;
        hash *= 0x94d049bb133111ebUL;
        return hash ^ (hash >> 31);
    }
}
