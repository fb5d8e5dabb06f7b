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
        BinOfCategory = binOfCategory;
        ValueBinCount = valueBinCount;
    }

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
        // The first bound the value does not exceed (the last is +∞): a branch-free binary search, as the branches
        // of an ordinary one are unpredictable on real data and this runs for every value of every feature.
        var bounds = UpperBounds;
        var first = 0;
        var length = bounds.Length;
        while (length > 1)
        {
            var half = length >> 1;
            first = value > bounds[first + half - 1] ? first + half : first;
            length -= half;
        }
        return (byte)first;
    }
}
