using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MlopsBuild.Learning.Features;

namespace MlopsBuild.Learning.Trees;

/// <summary>
/// Trees flattened for scoring: every node of every tree in one array of 16-byte nodes, breadth first, a node's two
/// children neighbours (the right child right after the left), and a leaf a node that steps to itself whatever the
/// value. A step is then "next = Left + (goes right ? 1 : 0)" with no branch on the data, and eight walks advance in
/// lockstep (<see cref="WalkEight{TSplits, TRows}"/>: eight rows through one tree, or one row through eight trees), so
/// the processor overlaps eight chains of dependent loads instead of waiting on one. Each walk takes the path
/// <see cref="RegressionTree.GoesLeft"/> takes and leaf values are added in tree order, so the scores are the ones
/// <see cref="TreeEnsemble"/> defines, bit for bit.
/// </summary>
internal sealed class CompiledForest
{
    /// <summary>Walks in lockstep: eight node indices fit in registers beside the pointers a step needs.</summary>
    const int Lanes = 8;

    const int LeafFlag = 1 << 31;
    const int DefaultLeftFlag = 1 << 30;
    const int CategoricalFlag = 1 << 29;

    [StructLayout(LayoutKind.Sequential)]
    struct Node
    {
        public int Feature;
        public float Threshold;
        /// <summary>The left child; the right child is the next node.</summary>
        public int Left;
        /// <summary><see cref="DefaultLeftFlag"/> and <see cref="CategoricalFlag"/>; a leaf's is <see cref="LeafFlag"/>.</summary>
        public int Flags;
    }

    readonly Node[] nodes;
    /// <summary>Per node: the leaf value (0 for internal nodes).</summary>
    readonly double[] values;
    /// <summary>Per tree: its root, then roots of a leaf of its own up to a multiple of <see cref="Lanes"/> trees (for walks that score nothing).</summary>
    readonly int[] roots;
    readonly int treeCount;
    /// <summary>Per tree: how many steps down its deepest leaf is.</summary>
    readonly int[] depths;
    /// <summary>Per tree: how many steps down its nearest leaf is; no walk ends sooner, so none is checked for it.</summary>
    readonly int[] stepsToFirstLeaf;
    /// <summary>Per node: where its category set starts in <see cref="categoryBits"/> and how many words it has (0 for the others).</summary>
    readonly int[] categoryStarts;
    readonly int[] categoryLengths;
    readonly uint[] categoryBits;
    readonly int featureCount;
    /// <summary>Whether any node is categorical: if none, every step takes the numeric rule without asking.</summary>
    readonly bool hasCategorical;

    /// <exception cref="ArgumentException">A tree reads a feature past <paramref name="featureCount"/>, or is not a tree.</exception>
    public CompiledForest(IReadOnlyList<RegressionTree> trees, int featureCount)
    {
        this.featureCount = featureCount;
        var nodeList = new List<Node>();
        var valueList = new List<double>();
        var bits = new List<uint>();
        var startList = new List<int>();
        var lengthList = new List<int>();
        treeCount = trees.Count;
        roots = new int[(trees.Count + Lanes - 1) / Lanes * Lanes];
        depths = new int[roots.Length];
        stepsToFirstLeaf = new int[roots.Length];
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            roots[t] = nodeList.Count;
            stepsToFirstLeaf[t] = int.MaxValue;
            // Breadth first: each node, once placed, gets its children placed as a pair at the end of the list.
            var queue = new Queue<(int Child, int Slot, int Depth)>();
            queue.Enqueue((tree.NodeCount == 0 ? ~0 : 0, Add(nodeList, valueList, startList, lengthList), 0));
            while (queue.TryDequeue(out var item))
            {
                var (child, slot, depth) = item;
                if (depth > tree.NodeCount)
                    throw new ArgumentException($"Tree {t}'s child references form a cycle.", nameof(trees));
                if (child < 0)
                {
                    nodeList[slot] = Leaf(slot);
                    valueList[slot] = tree.LeafValue[~child];
                    depths[t] = Math.Max(depths[t], depth);
                    stepsToFirstLeaf[t] = Math.Min(stepsToFirstLeaf[t], depth);
                    continue;
                }
                if (tree.Feature[child] < 0 || tree.Feature[child] >= featureCount)
                    throw new ArgumentException($"Tree {t} splits on feature {tree.Feature[child]}, but the model has {featureCount}.", nameof(trees));
                var categorical = tree.CategoryLength[child] > 0;
                var left = Add(nodeList, valueList, startList, lengthList);
                Add(nodeList, valueList, startList, lengthList);
                nodeList[slot] = new Node
                {
                    Feature = tree.Feature[child],
                    Threshold = tree.Threshold[child],
                    Left = left,
                    Flags = (tree.DefaultLeft[child] ? DefaultLeftFlag : 0) | (categorical ? CategoricalFlag : 0),
                };
                if (categorical)
                {
                    hasCategorical = true;
                    startList[slot] = bits.Count;
                    lengthList[slot] = tree.CategoryLength[child];
                    bits.AddRange(tree.CategoryBits.AsSpan(tree.CategoryStart[child], tree.CategoryLength[child]));
                }
                queue.Enqueue((tree.Left[child], left, depth + 1));
                queue.Enqueue((tree.Right[child], left + 1, depth + 1));
            }
        }
        if (roots.Length > trees.Count)
        {
            var slot = Add(nodeList, valueList, startList, lengthList);
            nodeList[slot] = Leaf(slot);
            roots.AsSpan(trees.Count).Fill(slot);
        }
        nodes = nodeList.ToArray();
        values = valueList.ToArray();
        categoryBits = bits.ToArray();
        categoryStarts = startList.ToArray();
        categoryLengths = lengthList.ToArray();
    }

    /// <summary>A leaf steps to itself: every value is ≤ +∞, and a missing one goes left by default.</summary>
    static Node Leaf(int slot) => new() { Threshold = float.PositiveInfinity, Left = slot, Flags = LeafFlag | DefaultLeftFlag };

    static int Add(List<Node> nodes, List<double> values, List<int> categoryStarts, List<int> categoryLengths)
    {
        nodes.Add(default);
        values.Add(0);
        categoryStarts.Add(0);
        categoryLengths.Add(0);
        return nodes.Count - 1;
    }

    /// <summary>Adds tree t's leaf value to scores[t mod scores.Length], tree after tree.</summary>
    public void AddScores(ReadOnlySpan<float> features, Span<double> scores)
    {
        if (features.Length < featureCount)
            throw new ArgumentException($"{features.Length} features given, the model reads {featureCount}.", nameof(features));
        if (hasCategorical) AddScores<AnySplits>(features, scores);
        else if (HasMissing(features[..featureCount])) AddScores<NumericSplits>(features, scores);
        else AddScores<NumericSplitsNoneMissing>(features, scores);
    }

    void AddScores<TSplits>(ReadOnlySpan<float> features, Span<double> scores) where TSplits : struct, ISplitRule
    {
        ref var row = ref MemoryMarshal.GetReference(features);
        Span<int> walks = stackalloc int[Lanes];
        var scoreCount = scores.Length;
        var k = 0;
        for (var first = 0; first < roots.Length; first += Lanes)
        {
            roots.AsSpan(first, Lanes).CopyTo(walks);
            var steps = depths.AsSpan(first, Lanes);
            var plain = stepsToFirstLeaf.AsSpan(first, Lanes);
            WalkEight<TSplits, OneRow>(walks, ref row, Max(steps), Min(plain));
            var trees = Math.Min(Lanes, treeCount - first);
            for (var lane = 0; lane < trees; lane++)
            {
                scores[k] += values[walks[lane]];
                if (++k == scoreCount) k = 0;
            }
        }
    }

    static bool HasMissing(ReadOnlySpan<float> values)
    {
        var missing = false;
        foreach (var value in values) missing |= float.IsNaN(value);
        return missing;
    }

    /// <summary>
    /// Adds every tree's leaf values to the scores of rows [start, start + count) of the matrix (row-major, scoreCount
    /// per row): a block of rows at a time, tree by tree, eight rows of the block walking the tree at once.
    /// </summary>
    public void AddScores(FeatureMatrix matrix, int start, int count, Span<double> scores, int scoreCount)
    {
        if (matrix.FeatureCount < featureCount)
            throw new ArgumentException($"The matrix has {matrix.FeatureCount} features, the model reads {featureCount}.", nameof(matrix));
        float[]? rented = null;
        var size = Math.Max(featureCount, 1) * BlockOfRows.Rows;
        // Zeroed: rows past the end of the last block are walked too (their leaves are not scored), and zeros are not missing.
        var block = size <= 16384 ? stackalloc float[size] : (rented = ArrayPool<float>.Shared.Rent(size)).AsSpan(0, size);
        block.Clear();
        try
        {
            for (var from = 0; from < count; from += BlockOfRows.Rows)
            {
                var rows = Math.Min(BlockOfRows.Rows, count - from);
                var missing = false;
                for (var j = 0; j < featureCount; j++)
                {
                    var column = matrix.Columns[j].AsSpan(start + from, rows);
                    missing |= HasMissing(column);
                    column.CopyTo(block.Slice(j * BlockOfRows.Rows, rows));
                }
                var blockScores = scores.Slice(from * scoreCount, rows * scoreCount);
                if (hasCategorical) AddBlockScores<AnySplits>(block, rows, blockScores, scoreCount);
                else if (missing) AddBlockScores<NumericSplits>(block, rows, blockScores, scoreCount);
                else AddBlockScores<NumericSplitsNoneMissing>(block, rows, blockScores, scoreCount);
            }
        }
        finally
        {
            if (rented is not null) ArrayPool<float>.Shared.Return(rented);
        }
    }

    /// <param name="block">The rows' features column by column, <see cref="BlockOfRows.Rows"/> values a column.</param>
    void AddBlockScores<TSplits>(Span<float> block, int rows, Span<double> scores, int scoreCount) where TSplits : struct, ISplitRule
    {
        Span<int> walks = stackalloc int[Lanes];
        for (var t = 0; t < treeCount; t++)
        {
            var k = t % scoreCount;
            for (var first = 0; first < rows; first += Lanes)
            {
                walks.Fill(roots[t]);
                WalkEight<TSplits, BlockOfRows>(walks, ref block[first], depths[t], stepsToFirstLeaf[t]);
                var lanes = Math.Min(Lanes, rows - first);
                for (var lane = 0; lane < lanes; lane++) scores[(first + lane) * scoreCount + k] += values[walks[lane]];
            }
        }
    }

    static int Max(ReadOnlySpan<int> values)
    {
        var max = 0;
        foreach (var value in values) max = Math.Max(max, value);
        return max;
    }

    static int Min(ReadOnlySpan<int> values)
    {
        var min = int.MaxValue;
        foreach (var value in values) min = Math.Min(min, value);
        return min;
    }

    /// <summary>
    /// Walks eight nodes (<paramref name="walks"/>) down <paramref name="steps"/> levels, lane i reading its features
    /// where <typeparamref name="TRows"/> says from <paramref name="lane0"/>; stops early once all eight are at leaves,
    /// which is checked after <paramref name="stepsToFirstLeaf"/> steps only (leaf-wise trees are lopsided: most walks
    /// end well before the deepest leaf).
    /// </summary>
    /// <param name="lane0">Lane 0's first feature; no walk reads past the model's features (checked at construction).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void WalkEight<TSplits, TRows>(Span<int> walks, ref float lane0, int steps, int stepsToFirstLeaf)
        where TSplits : struct, ISplitRule where TRows : struct, IRowLayout
    {
        ref var first = ref MemoryMarshal.GetArrayDataReference(nodes);
        int a = walks[0], b = walks[1], c = walks[2], d = walks[3], e = walks[4], f = walks[5], g = walks[6], h = walks[7];
        for (var step = 0; step < steps; step++)
        {
            if (step >= stepsToFirstLeaf && AllLeaves(ref first, a, b, c, d, e, f, g, h)) break;
            a = Step<TSplits, TRows>(ref first, a, ref lane0, 0);
            b = Step<TSplits, TRows>(ref first, b, ref lane0, 1);
            c = Step<TSplits, TRows>(ref first, c, ref lane0, 2);
            d = Step<TSplits, TRows>(ref first, d, ref lane0, 3);
            e = Step<TSplits, TRows>(ref first, e, ref lane0, 4);
            f = Step<TSplits, TRows>(ref first, f, ref lane0, 5);
            g = Step<TSplits, TRows>(ref first, g, ref lane0, 6);
            h = Step<TSplits, TRows>(ref first, h, ref lane0, 7);
        }
        (walks[0], walks[1], walks[2], walks[3], walks[4], walks[5], walks[6], walks[7]) = (a, b, c, d, e, f, g, h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool AllLeaves(ref Node nodes, int a, int b, int c, int d, int e, int f, int g, int h) =>
        (Flags(ref nodes, a) & Flags(ref nodes, b) & Flags(ref nodes, c) & Flags(ref nodes, d)
         & Flags(ref nodes, e) & Flags(ref nodes, f) & Flags(ref nodes, g) & Flags(ref nodes, h) & LeafFlag) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int Flags(ref Node nodes, int node) => Unsafe.Add(ref nodes, (uint)node).Flags;

    /// <summary>One step down from <paramref name="node"/> for lane <paramref name="lane"/> (a leaf steps to itself).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    int Step<TSplits, TRows>(ref Node nodes, int node, ref float lane0, int lane) where TSplits : struct, ISplitRule where TRows : struct, IRowLayout
    {
        ref var current = ref Unsafe.Add(ref nodes, (uint)node);
        var value = Unsafe.Add(ref Unsafe.Add(ref lane0, lane * TRows.LaneStride), (uint)current.Feature << TRows.FeatureShift);
        return current.Left + (TSplits.GoesLeft(this, node, ref current, value) ? 0 : 1);
    }

    /// <summary>Where lane i's feature f is, from lane 0's first feature: at f × 2^FeatureShift + i × LaneStride.</summary>
    interface IRowLayout
    {
        static abstract int FeatureShift { get; }
        static abstract int LaneStride { get; }
    }

    /// <summary>Every lane reads the one row.</summary>
    struct OneRow : IRowLayout
    {
        public static int FeatureShift => 0;
        public static int LaneStride => 0;
    }

    /// <summary>A block of rows stored column by column: lane i is row i.</summary>
    struct BlockOfRows : IRowLayout
    {
        /// <summary>Rows a block holds (the features of 64 rows stay in the first-level cache).</summary>
        public const int Rows = 64;

        public static int FeatureShift => 6;
        public static int LaneStride => 1;
    }

    /// <summary>Which way a value goes at a node, as <see cref="RegressionTree.GoesLeft"/> says: a type per kind of forest and row, so the walk is compiled for each.</summary>
    interface ISplitRule
    {
        static abstract bool GoesLeft(CompiledForest forest, int index, ref Node node, float value);
    }

    /// <summary>No categorical split, no missing value: value ≤ threshold.</summary>
    struct NumericSplitsNoneMissing : ISplitRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool GoesLeft(CompiledForest forest, int index, ref Node node, float value) => value <= node.Threshold;
    }

    /// <summary>No categorical split: value ≤ threshold, or missing where missing goes left. No branch.</summary>
    struct NumericSplits : ISplitRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool GoesLeft(CompiledForest forest, int index, ref Node node, float value) =>
            (value <= node.Threshold) | (float.IsNaN(value) & (node.Flags & DefaultLeftFlag) != 0);
    }

    /// <summary>Any split: a categorical node looks the category up in its set.</summary>
    struct AnySplits : ISplitRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool GoesLeft(CompiledForest forest, int index, ref Node node, float value) =>
            (node.Flags & CategoricalFlag) == 0
                ? NumericSplits.GoesLeft(forest, index, ref node, value)
                : forest.CategoryGoesLeft(index, value, (node.Flags & DefaultLeftFlag) != 0);
    }

    bool CategoryGoesLeft(int node, float value, bool defaultLeft)
    {
        if (float.IsNaN(value)) return defaultLeft;
        var words = categoryLengths[node];
        var category = (int)value;
        if ((uint)category >= (uint)(words * 32)) return defaultLeft; // an unseen category: as missing
        return (categoryBits[categoryStarts[node] + (category >> 5)] & (1u << (category & 31))) != 0;
    }
}
