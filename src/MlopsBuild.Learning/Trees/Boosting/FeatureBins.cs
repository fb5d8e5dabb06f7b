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
