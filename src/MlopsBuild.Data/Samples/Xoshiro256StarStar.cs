using System.Numerics;

namespace MlopsBuild.Data.Samples;

/// <summary>
/// The xoshiro256** generator (Blackman and Vigna), seeded through SplitMix64 as its authors recommend.
/// Ours rather than <see cref="Random"/>, whose algorithm may change between .NET versions: the same seed must give
/// the same numbers everywhere, forever.
/// </summary>
internal sealed class Xoshiro256StarStar
{
    ulong s0, s1, s2, s3;

    public Xoshiro256StarStar(ulong seed)
    {
        s0 = SplitMix64(ref seed);
        s1 = SplitMix64(ref seed);
        s2 = SplitMix64(ref seed);
        s3 = SplitMix64(ref seed);
    }

    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = BitOperations.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1), from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="count"/>): the high half of a 64×64-bit product (Lemire), biased by less than count/2⁶⁴.</summary>
    public int NextInt(int count) => (int)Math.BigMul(NextUInt64(), (ulong)count, out _);

    static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
