using System.Runtime.Intrinsics;

namespace MlopsBuild.Data.Statistics;

/// <summary>
/// 64-bit hashes that are the same in every process and on every machine (string.GetHashCode is randomised per process),
/// so distinct-count estimates and the choice of tracked categories are reproducible. Validation also finds duplicates
/// in unique columns by them (8 bytes a row; two of a million distinct values collide with probability about 3e-8).
/// </summary>
public static class StableHash
{
    // SplitMix64's multipliers, shared by the scalar and the vector Mix so that both give the same hashes.
    const ulong FirstMultiplier = 0xbf58476d1ce4e5b9UL;
    const ulong SecondMultiplier = 0x94d049bb133111ebUL;

    /// <summary>SplitMix64's finaliser: every input bit affects every output bit.</summary>
    public static ulong Mix(ulong value)
    {
        value ^= value >> 30;
        value *= FirstMultiplier;
        value ^= value >> 27;
        value *= SecondMultiplier;
        return value ^ (value >> 31);
    }

    /// <summary><see cref="Mix(ulong)"/> of each lane.</summary>
    internal static Vector512<ulong> Mix(Vector512<ulong> value)
    {
        value ^= value >>> 30;
        value *= Vector512.Create(FirstMultiplier);
        value ^= value >>> 27;
        value *= Vector512.Create(SecondMultiplier);
        return value ^ (value >>> 31);
    }

    public static ulong OfBits(double value) => Mix((ulong)BitConverter.DoubleToInt64Bits(value));

    /// <summary>FNV-1a over the UTF-16 code units, then <see cref="Mix"/> to spread FNV's weak high bits.</summary>
    public static ulong OfText(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var character in text)
            hash = (hash ^ character) * 1099511628211UL;
        return Mix(hash);
    }
}
