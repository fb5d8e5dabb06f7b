using System.Runtime.CompilerServices;

namespace MlopsBuild.Data.Statistics;

/// <summary>
/// A DDSketch-like relative-error quantile sketch. A magnitude's bucket is its exponent and the top 6 bits of its
/// significand (the double's bits shifted right by 46): 64 buckets per power of two, so every bucket spans at most
/// 1/64 of its lower bound and its representative value is within 1/129 ≈ 0.78% of anything in it (for normal doubles).
/// Reading the bits costs ~0.5 ns a value, a logarithm (DDSketch's LogarithmicMapping) ~4-6 ns. Negative values have their own store;
/// zero is counted apart. At most 2 × 16 KB of counts, which covers a 2^32 ratio between the smallest and largest
/// magnitude before the smallest are folded together. Adding and merging commute, so the result is order-independent.
/// </summary>
internal sealed class QuantileSketch
{
    const int DroppedSignificandBits = 46;
    const int BucketsPerOctave = 1 << (52 - DroppedSignificandBits);

    /// <summary>The largest relative distance from a value to its bucket's representative.</summary>
    public const double RelativeAccuracy = 1.0 / 129;

    // Indexed by the sign bit (0: positive, 1: negative), which avoids a mispredicted branch per value on mixed signs.
    readonly BucketStore[] _stores = [new(), new()];
    long _zeros;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value, long count)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        if (value == 0) _zeros += count;
        else _stores[(int)((ulong)bits >> 63)].Add((int)((bits & long.MaxValue) >> DroppedSignificandBits), count);
    }

    public void Merge(QuantileSketch other)
    {
        for (var sign = 0; sign < _stores.Length; sign++) _stores[sign].Merge(other._stores[sign]);
        _zeros += other._zeros;
    }

    /// <summary>Each bucket's representative value and count, from the most negative to the most positive.</summary>
    public IEnumerable<(double Value, long Count)> Ascending()
    {
        foreach (var (bucket, count) in _stores[1].Descending()) yield return (-Representative(bucket), count);
        if (_zeros != 0) yield return (0, _zeros);
        foreach (var (bucket, count) in _stores[0].Ascending()) yield return (Representative(bucket), count);
    }

    /// <summary>The harmonic mean of the bucket's ends: the point with the same relative distance to both.</summary>
    static double Representative(int bucket)
    {
        var low = BitConverter.Int64BitsToDouble((long)bucket << DroppedSignificandBits);
        var high = BitConverter.Int64BitsToDouble((long)(bucket + 1) << DroppedSignificandBits);
        // The last bucket ends at 2^1024, beyond double: take the same bucket an octave lower, doubled.
        return double.IsFinite(high) ? 2 / (1 / low + 1 / high) : 2 * Representative(bucket - BucketsPerOctave);
    }
}
