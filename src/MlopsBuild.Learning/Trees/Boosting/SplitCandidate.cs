namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>The best split found for a leaf: where rows go, and the sums of the rows that go left.</summary>
internal struct SplitCandidate
{
    public static SplitCandidate None => new() { Gain = double.NegativeInfinity, Feature = -1 };

    public double Gain;
    public int Feature;
    /// <summary>Numeric: rows in bins ≤ this go left.</summary>
    public int ThresholdBin;
    public bool IsCategorical;
    /// <summary>Categorical: the bins that go left.</summary>
    public BinSet LeftBins;
    /// <summary>Where the missing bin goes.</summary>
    public bool DefaultLeft;
    public LeafTotals Left;

    public readonly bool IsValid => Feature >= 0;

    /// <summary>Whether a row in <paramref name="bin"/> of the split's feature goes left.</summary>
    public readonly bool GoesLeft(int bin, int missingBin) =>
        bin == missingBin ? DefaultLeft : IsCategorical ? LeftBins.Contains(bin) : bin <= ThresholdBin;
}
