namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>
/// A tree as grown, in bin space: its splits, each with a table saying which bins go left, and where each leaf's
/// rows lie in the grower's row order. Becomes a <see cref="RegressionTree"/> through the dataset's bin bounds.
/// </summary>
internal sealed class GrownTree
{
    public List<SplitCandidate> Splits { get; } = [];

    /// <summary>Per node: 1 for each bin of the split's feature that goes left, else 0.</summary>
    public List<byte[]> LeftTables { get; } = [];

    public List<int> Left { get; } = [];

    public List<int> Right { get; } = [];

    /// <summary>Per leaf: its value, learning rate applied.</summary>
    public double[] LeafValues { get; set; } = [];

    public int LeafCount => LeafValues.Length;

    public int AddNode(SplitCandidate split, int missingBin)
    {
        var table = new byte[256];
        for (var bin = 0; bin < table.Length; bin++) table[bin] = split.GoesLeft(bin, missingBin) ? (byte)1 : (byte)0;
        Splits.Add(split);
        LeftTables.Add(table);
        Left.Add(0);
        Right.Add(0);
        return Splits.Count - 1;
    }

    /// <summary>The leaf a training row falls in, by walking its bins.</summary>
    public int LeafOf(BinnedDataset data, int row)
    {
        if (Splits.Count == 0) return 0;
        var node = 0;
        while (node >= 0) node = LeftTables[node][data.Columns[Splits[node].Feature][row]] != 0 ? Left[node] : Right[node];
        return ~node;
    }

    /// <summary>
    /// The tree in feature space. A numeric split "bin ≤ b" becomes "value ≤ upper bound of bin b", which sends
    /// every value where its bin went; a categorical split sends left each category whose bin went left.
    /// </summary>
    public RegressionTree ToRegressionTree(BinnedDataset data)
    {
        var nodes = Splits.Count;
        var feature = new int[nodes];
        var threshold = new float[nodes];
        var defaultLeft = new bool[nodes];
        var categoryStart = new int[nodes];
        var categoryLength = new int[nodes];
        var gain = new double[nodes];
        var categoryBits = new List<uint>();
        for (var i = 0; i < nodes; i++)
        {
            var split = Splits[i];
            var bins = data.Bins[split.Feature];
            feature[i] = split.Feature;
            defaultLeft[i] = split.DefaultLeft;
            gain[i] = split.Gain;
            if (!split.IsCategorical)
            {
                threshold[i] = bins.UpperBounds[split.ThresholdBin];
                continue;
            }
            // Every known category gets a bit, so that only codes the model never knew fall back to the default.
            var categories = bins.BinOfCategory.Length;
            categoryStart[i] = categoryBits.Count;
            categoryLength[i] = (categories + 31) / 32;
            var words = new uint[categoryLength[i]];
            for (var c = 0; c < categories; c++)
            {
                var bin = bins.BinOfCategory[c];
                if (bin != bins.MissingBin && split.LeftBins.Contains(bin)) words[c >> 5] |= 1u << (c & 31);
            }
            categoryBits.AddRange(words);
        }
        return new RegressionTree(feature, threshold, defaultLeft, Left.ToArray(), Right.ToArray(),
            categoryStart, categoryLength, categoryBits.ToArray(), gain, (double[])LeafValues.Clone());
    }
}
