using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using MlopsBuild.Learning.Features;

namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>
/// How one feature's values map to byte bins: value bins 0 … <see cref="ValueBinCount"/> − 1, then the missing bin.
/// Numeric (and boolean) bin b holds the values in (UpperBounds[b − 1], UpperBounds[b]]; because training bins with
/// the same float comparison a tree makes at prediction, "bin ≤ b" and "value ≤ UpperBounds[b]" always agree.
/// Categorical bins hold one category each, except that past MaxBins the rarest categories share the last bin.
/// </summary>
internal sealed class FeatureBins
{
    FeatureBins(FeatureKind kind, float[] upperBounds, int[] binOfCategory, int valueBinCount)
    {
        Kind = kind;
        UpperBounds = upperBounds;
        searchBounds = new float[256];
        Array.Fill(searchBounds, float.PositiveInfinity);
        upperBounds.CopyTo(searchBounds, 0);
        BinOfCategory = binOfCategory;
        ValueBinCount = valueBinCount;
    }

    /// <summary>The upper bounds padded with +∞ to 256, for a search of eight fixed steps.</summary>
    readonly float[] searchBounds;

    public FeatureKind Kind { get; }

    public bool IsCategorical => Kind == FeatureKind.Categorical;

    /// <summary>Numeric: each value bin's inclusive upper bound, the last +∞.</summary>
    public float[] UpperBounds { get; }

    /// <summary>Categorical: each category code's bin (the missing bin for categories training never saw).</summary>
    public int[] BinOfCategory { get; }

    public int ValueBinCount { get; }

    public int MissingBin => ValueBinCount;

    /// <summary>Value bins plus the missing bin: the feature's histogram length.</summary>
    public int HistogramLength => ValueBinCount + 1;

    public static FeatureBins Numeric(FeatureKind kind, float[] upperBounds) => new(kind, upperBounds, [], upperBounds.Length);

    public static FeatureBins Categorical(int[] binOfCategory, int valueBinCount) =>
        new(FeatureKind.Categorical, [], binOfCategory, valueBinCount);

    /// <summary>
    /// Every value's bin, the same as <see cref="Bin"/>. Compiled optimised on first call: it runs once per feature, so
    /// tiered compilation would leave its loop in slower on-stack-replacement code.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public byte[] BinAll(float[] values)
    {
        var column = new byte[values.Length];
        if (IsCategorical || !Vector512.IsHardwareAccelerated)
        {
            for (var row = 0; row < values.Length; row++) column[row] = Bin(values[row]);
            return column;
        }
        // A numeric bin is the count of bounds below the value (the bounds ascend). Counted in two 16-lane steps:
        // the last bound of each block of 16 says which block, then that block's bounds say where in it. Unlike the
        // search's eight dependent, unpredictable steps, this is two comparisons that overlap across values.
        var blocks = new Vector512<float>[16];
        for (var b = 0; b < blocks.Length; b++) blocks[b] = Vector512.Create(searchBounds, 16 * b);
        Span<float> lastOfBlock = stackalloc float[16];
        for (var b = 0; b < lastOfBlock.Length; b++) lastOfBlock[b] = searchBounds[16 * b + 15];
        var blockEnds = Vector512.Create<float>(lastOfBlock);
        var missing = (byte)MissingBin;
        for (var row = 0; row < values.Length; row++)
        {
            var value = values[row];
            var broadcast = Vector512.Create(value);
            // At most 15 blocks end below a value, as the last bound is +∞ (and NaN is below none).
            var block = BitOperations.PopCount(Vector512.LessThan(blockEnds, broadcast).ExtractMostSignificantBits());
            var within = BitOperations.PopCount(Vector512.LessThan(blocks[block], broadcast).ExtractMostSignificantBits());
            column[row] = float.IsNaN(value) ? missing : (byte)(16 * block + within);
        }
        return column;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte Bin(float value)
    {
        if (float.IsNaN(value)) return (byte)MissingBin;
        if (IsCategorical) return (byte)BinOfCategory[(int)value];
        // The first bound the value does not exceed (the last real one is +∞): a binary search of eight fixed,
        // branch-free steps, as this runs for every value of every feature and real data makes branches unpredictable.
        var bounds = searchBounds;
        var first = 0;
        first += value > bounds[first + 127] ? 128 : 0;
        first += value > bounds[first + 63] ? 64 : 0;
        first += value > bounds[first + 31] ? 32 : 0;
        first += value > bounds[first + 15] ? 16 : 0;
        first += value > bounds[first + 7] ? 8 : 0;
        first += value > bounds[first + 3] ? 4 : 0;
        first += value > bounds[first + 1] ? 2 : 0;
        first += value > bounds[first] ? 1 : 0;
        return (byte)first;
    }
}
