using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MlopsBuild.Data.Statistics;

/// <summary>
/// The distribution of a numeric column in bounded memory: exact counts per distinct value while there are at most
/// <see cref="ExactValueCounts.Capacity"/> of them, then a quantile sketch and a HyperLogLog. The switch happens when
/// the set of values outgrows the table, so the final state depends on that set alone, not on order or partitioning.
/// </summary>
internal sealed class ValueDistribution
{
    const int HashBlock = 256; // values hashed at a time into a buffer on the stack

    ExactValueCounts? _exact = new();
    QuantileSketch? _sketch;
    HyperLogLog? _distinct;

    /// <summary>True while the counts per value are exact (and so are percentiles, histogram and distinct count).</summary>
    public bool IsExact => _exact is not null;

    /// <summary>Adds a finite value; −0 must already be +0 so that zero is one distinct value.</summary>
    public void Add(double value)
    {
        if (_exact is null)
        {
            _sketch!.Add(value, 1);
            _distinct!.Add(StableHash.OfBits(value));
        }
        else if (!_exact.TryAdd(value, 1))
        {
            AddApproximately(value, 1);
        }
    }

    /// <summary>Adds finite values (−0 is taken as +0 here).</summary>
    public void AddRange(ReadOnlySpan<double> values)
    {
        var i = 0;
        while (_exact is not null && i < values.Length)
        {
            var value = values[i++] + 0.0;
            if (!_exact.TryAdd(value, 1)) AddApproximately(value, 1);
        }
        if (i == values.Length) return;
        foreach (var value in values[i..]) _sketch!.Add(value + 0.0, 1);
        Span<ulong> hashes = stackalloc ulong[HashBlock];
        for (; i < values.Length; i += HashBlock)
        {
            var block = values[i..Math.Min(values.Length, i + HashBlock)];
            Hash(block, hashes);
            _distinct!.AddRange(hashes[..block.Length]);
        }
    }

    /// <summary>Each value's hash (of +0 for −0), several at a time with SIMD.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first batch on: no unoptimised first tier
    static void Hash(ReadOnlySpan<double> values, Span<ulong> hashes)
    {
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= values.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var value = Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(values), (nuint)i) + Vector512<double>.Zero;
                StableHash.Mix(value.AsUInt64()).StoreUnsafe(ref MemoryMarshal.GetReference(hashes), (nuint)i);
            }
        }
        for (; i < values.Length; i++) hashes[i] = StableHash.OfBits(values[i] + 0.0);
    }

    public void Merge(ValueDistribution other)
    {
        if (other._exact is not null)
        {
            foreach (var (value, count) in other._exact.Entries())
                if (_exact is null || !_exact.TryAdd(value, count)) AddApproximately(value, count);
            return;
        }
        SwitchToApproximate();
        _sketch!.Merge(other._sketch!);
        _distinct!.Merge(other._distinct!);
    }

    // Once the table overflowed there are more distinct values than it holds, whatever the estimate says.
    public long DistinctCount() => _exact?.Count ?? Math.Max(_distinct!.Estimate(), ExactValueCounts.Capacity + 1L);

    /// <summary>Distinct values (exact) or bucket representatives (approximate) with their counts, ascending.</summary>
    public IEnumerable<(double Value, long Count)> Ascending() =>
        _exact is not null ? _exact.Entries().OrderBy(entry => entry.Value) : _sketch!.Ascending();

    void AddApproximately(double value, long count)
    {
        SwitchToApproximate();
        _sketch!.Add(value, count);
        _distinct!.Add(StableHash.OfBits(value));
    }

    void SwitchToApproximate()
    {
        if (_exact is null) return;
        _sketch = new QuantileSketch();
        _distinct = new HyperLogLog();
        foreach (var (value, count) in _exact.Entries())
        {
            _sketch.Add(value, count);
            _distinct.Add(StableHash.OfBits(value));
        }
        _exact = null;
    }
}
