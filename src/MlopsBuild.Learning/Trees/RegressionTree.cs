namespace MlopsBuild.Learning.Trees;

/// <summary>
/// One tree, as flat arrays (the layout the model file stores). Internal nodes are 0 … NodeCount − 1, node 0 the
/// root; a child reference c ≥ 0 is an internal node, c &lt; 0 the leaf ~c. A tree with no split has NodeCount 0
/// and one leaf.
/// A row goes left when its value is ≤ <see cref="Threshold"/> (numeric) or its category is in the node's set
/// (categorical); a missing value (NaN, and an unseen category) goes where <see cref="DefaultLeft"/> says.
/// </summary>
public sealed class RegressionTree
{
    public RegressionTree(
        int[] feature, float[] threshold, bool[] defaultLeft, int[] left, int[] right,
        int[] categoryStart, int[] categoryLength, uint[] categoryBits,
        double[] gain, double[] leafValue)
    {
        Feature = feature;
        Threshold = threshold;
        DefaultLeft = defaultLeft;
        Left = left;
        Right = right;
        CategoryStart = categoryStart;
        CategoryLength = categoryLength;
        CategoryBits = categoryBits;
        Gain = gain;
        LeafValue = leafValue;
    }

    /// <summary>Per internal node: the feature it splits on.</summary>
    public int[] Feature { get; }

    /// <summary>Per internal node: the numeric threshold (unused by categorical nodes).</summary>
    public float[] Threshold { get; }

    public bool[] DefaultLeft { get; }

    public int[] Left { get; }

    public int[] Right { get; }

    /// <summary>
    /// Per internal node: where its category set starts in <see cref="CategoryBits"/> and how many 32-bit words it
    /// has; length 0 marks a numeric node. Category c is in the set when bit c % 32 of word c / 32 is set.
    /// </summary>
    public int[] CategoryStart { get; }

    public int[] CategoryLength { get; }

    public uint[] CategoryBits { get; }

    /// <summary>Per internal node: the loss reduction of its split (for feature importance).</summary>
    public double[] Gain { get; }

    /// <summary>Per leaf: the value added to the score (learning rate already applied).</summary>
    public double[] LeafValue { get; }

    public int NodeCount => Feature.Length;

    public int LeafCount => LeafValue.Length;

    /// <summary>The leaf the row falls in.</summary>
    public int LeafIndex(ReadOnlySpan<float> features)
    {
        if (NodeCount == 0) return 0;
        var node = 0;
        while (node >= 0) node = GoesLeft(node, features[Feature[node]]) ? Left[node] : Right[node];
        return ~node;
    }

    /// <summary>Whether a row with <paramref name="value"/> in the node's feature goes left.</summary>
    public bool GoesLeft(int node, float value)
    {
        if (float.IsNaN(value)) return DefaultLeft[node];
        var words = CategoryLength[node];
        if (words == 0) return value <= Threshold[node];
        var category = (int)value;
        if ((uint)category >= (uint)(words * 32)) return DefaultLeft[node]; // an unseen category: as missing
        return (CategoryBits[CategoryStart[node] + (category >> 5)] & (1u << (category & 31))) != 0;
    }
}
