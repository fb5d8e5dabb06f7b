using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MlopsBuild.Learning.Features;

namespace MlopsBuild.Learning.Trees;

/// <summary>
/// Trees flattened for scoring: every node of every tree in one array of 16-byte nodes, every leaf value in another,
/// so a walk touches no object but these two. Takes the same path as <see cref="RegressionTree.GoesLeft"/> and adds
/// leaf values in the same order as <see cref="TreeEnsemble"/> defines its scores, so results match bit for bit.
/// </summary>
internal sealed class CompiledForest
{
    /// <summary>Rows walked together in a batch: their features (row-major) stay in the first-level cache.</summary>
    const int BlockRows = 64;

    const int DefaultLeftFlag = 1 << 30;
    const int CategoricalFlag = 1 << 29;
    const int FeatureMask = CategoricalFlag - 1;

    [StructLayout(LayoutKind.Sequential)]
    struct Node
    {
        /// <summary>The feature index, with <see cref="DefaultLeftFlag"/> and <see cref="CategoricalFlag"/>.</summary>
        public int Feature;
        public float Threshold;
        /// <summary>Children: a node index ≥ 0, or ~leaf index. Right must follow Left (the walk indexes them).</summary>
        public int Left;
        public int Right;
    }

    readonly Node[] nodes;
    readonly double[] leafValues;
    /// <summary>Per tree: its root (a node, or ~leaf for a tree with no split).</summary>
    readonly int[] roots;
    /// <summary>Per node: the categorical set's words in <see cref="categoryBits"/> (numeric nodes: none).</summary>
    readonly int[] categoryStart;
    readonly int[] categoryLength;
    readonly uint[] categoryBits;

    public CompiledForest(IReadOnlyList<RegressionTree> trees)
    {
        var nodeList = new List<Node>();
        var leaves = new List<double>();
        var starts = new List<int>();
        var lengths = new List<int>();
        var bits = new List<uint>();
        roots = new int[trees.Count];
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            int nodeBase = nodeList.Count, leafBase = leaves.Count;
            int Child(int child) => child >= 0 ? nodeBase + child : ~(leafBase + ~child);
            roots[t] = tree.NodeCount == 0 ? ~leafBase : nodeBase;
            for (var n = 0; n < tree.NodeCount; n++)
            {
                var categorical = tree.CategoryLength[n] > 0;
                nodeList.Add(new Node
                {
                    Feature = tree.Feature[n] | (tree.DefaultLeft[n] ? DefaultLeftFlag : 0) | (categorical ? CategoricalFlag : 0),
                    Threshold = tree.Threshold[n],
                    Left = Child(tree.Left[n]),
                    Right = Child(tree.Right[n]),
                });
                starts.Add(bits.Count);
                lengths.Add(tree.CategoryLength[n]);
                if (categorical) bits.AddRange(tree.CategoryBits.AsSpan(tree.CategoryStart[n], tree.CategoryLength[n]));
            }
            leaves.AddRange(tree.LeafValue);
        }
        nodes = nodeList.ToArray();
        leafValues = leaves.ToArray();
        categoryStart = starts.ToArray();
        categoryLength = lengths.ToArray();
        categoryBits = bits.ToArray();
    }

    public int TreeCount => roots.Length;

    /// <summary>Adds tree t's leaf value to scores[t % scoreCount], tree after tree.</summary>
    public void AddScores(ReadOnlySpan<float> features, Span<double> scores)
    {
        var scoreCount = scores.Length;
        for (var t = 0; t < roots.Length; t++)
            scores[t % scoreCount] += leafValues[LeafOf(roots[t], features)];
    }

    /// <summary>
    /// Adds every tree's leaf values to the scores of rows [start, start + count) of the matrix (row-major, scoreCount
    /// per row): a block of rows at a time, tree by tree, so a tree's nodes stay hot while the block walks it.
    /// </summary>
    public void AddScores(FeatureMatrix matrix, int start, int count, Span<double> scores, int scoreCount)
    {
        var featureCount = matrix.FeatureCount;
        float[]? rented = null;
        var size = BlockRows * featureCount;
        var block = size <= 16384 ? stackalloc float[size] : (rented = ArrayPool<float>.Shared.Rent(size));
        try
        {
            for (var from = 0; from < count; from += BlockRows)
            {
                var rowsInBlock = Math.Min(BlockRows, count - from);
                for (var j = 0; j < featureCount; j++)
                {
                    var column = matrix.Columns[j].AsSpan(start + from, rowsInBlock);
                    for (var i = 0; i < column.Length; i++) block[i * featureCount + j] = column[i];
                }
                var blockScores = scores.Slice(from * scoreCount, rowsInBlock * scoreCount);
                for (var t = 0; t < roots.Length; t++)
                {
                    var root = roots[t];
                    var k = t % scoreCount;
                    for (var i = 0; i < rowsInBlock; i++)
                        blockScores[i * scoreCount + k] += leafValues[LeafOf(root, block.Slice(i * featureCount, featureCount))];
                }
            }
        }
        finally
        {
            if (rented is not null) ArrayPool<float>.Shared.Return(rented);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    int LeafOf(int node, ReadOnlySpan<float> features)
    {
        ref var first = ref MemoryMarshal.GetArrayDataReference(nodes);
        while (node >= 0)
        {
            ref var current = ref Unsafe.Add(ref first, node);
            var flags = current.Feature;
            var value = features[flags & FeatureMask];
            bool left;
            if ((flags & CategoricalFlag) == 0)
                left = value <= current.Threshold || (float.IsNaN(value) && (flags & DefaultLeftFlag) != 0);
            else
                left = CategoryGoesLeft(node, value, (flags & DefaultLeftFlag) != 0);
            node = Unsafe.Add(ref current.Left, left ? 0 : 1);
        }
        return ~node;
    }

    bool CategoryGoesLeft(int node, float value, bool defaultLeft)
    {
        if (float.IsNaN(value)) return defaultLeft;
        var words = categoryLength[node];
        var category = (int)value;
        if ((uint)category >= (uint)(words * 32)) return defaultLeft; // an unseen category: as missing
        return (categoryBits[categoryStart[node] + (category >> 5)] & (1u << (category & 31))) != 0;
    }
}
