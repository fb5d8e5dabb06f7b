using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MlopsBuild.Learning.Features;

namespace MlopsBuild.Learning.Trees;

/// <summary>
/// Trees flattened for scoring: every node of every tree in one array of <see cref="ScoringNode"/>s, breadth first, a
/// node's two children neighbours (the right child right after the left), and a leaf a node that steps to itself. A
/// step is then "next = Left + (goes left ? 0 : 16 bytes)" with no branch on the data, and eight walks advance in
/// lockstep (<see cref="WalkEight{TSplits}"/>: eight rows through one tree, or one row through eight trees), so the
/// processor overlaps eight chains of dependent loads instead of waiting on one. Values are compared as
/// <see cref="OrderedKey"/>s in a <see cref="RowGroup"/>. Each walk takes the path <see cref="RegressionTree.GoesLeft"/>
/// takes and leaf values are added in tree order, so the scores are the ones <see cref="TreeEnsemble"/> defines, bit
/// for bit.
/// </summary>
internal sealed class CompiledForest
{
    const int Lanes = RowGroup.Lanes;

    /// <summary>Rows scored together: each tree walks all of them while its nodes are in the first-level cache.</summary>
    const int BlockRows = 64;

    /// <summary>Row groups up to this size (in keys) are kept on the stack.</summary>
    const int StackKeys = 4096;

    readonly ScoringNode[] nodes;
    /// <summary>Per node: the leaf value (0 for internal nodes).</summary>
    readonly double[] values;
    /// <summary>
    /// Per tree: its root's byte offset, then a leaf of its own's, up to a multiple of <see cref="Lanes"/> trees (walks
    /// that score nothing, so that one row always walks eight trees).
    /// </summary>
    readonly int[] roots;
    readonly int treeCount;
    /// <summary>Per tree (as <see cref="roots"/>): how many steps down its deepest leaf is.</summary>
    readonly int[] depths;
    /// <summary>Per tree (as <see cref="roots"/>): how many steps down its nearest leaf is; no walk ends sooner, so none is checked for it.</summary>
    readonly int[] stepsToFirstLeaf;
    /// <summary>Per eight trees (as one row walks them): the most of their <see cref="depths"/>, the least of their <see cref="stepsToFirstLeaf"/>.</summary>
    readonly int[] groupDepths;
    readonly int[] groupStepsToFirstLeaf;
    readonly uint[] categoryBits;
    readonly int featureCount;
    /// <summary>Whether any node is categorical: if none, every step takes the numeric rule without asking.</summary>
    readonly bool hasCategorical;

    /// <exception cref="ArgumentException">A tree reads a feature past <paramref name="featureCount"/>, has a NaN threshold, or is not a tree.</exception>
    public CompiledForest(IReadOnlyList<RegressionTree> trees, int featureCount)
    {
        this.featureCount = featureCount;
        var nodeList = new List<ScoringNode>();
        var valueList = new List<double>();
        var bits = new List<uint>();
        treeCount = trees.Count;
        var paddedCount = (trees.Count + Lanes - 1) / Lanes * Lanes;
        roots = new int[paddedCount];
        depths = new int[paddedCount];
        stepsToFirstLeaf = new int[paddedCount];
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            roots[t] = nodeList.Count * ScoringNode.Size;
            stepsToFirstLeaf[t] = int.MaxValue;
            // Breadth first: each node, once placed, gets its children placed as a pair at the end of the list.
            var queue = new Queue<(int Child, int Slot, int Depth)>();
            queue.Enqueue((tree.NodeCount == 0 ? ~0 : 0, Add(nodeList, valueList), 0));
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
                var feature = tree.Feature[child];
                if (feature < 0 || feature >= featureCount)
                    throw new ArgumentException($"Tree {t} splits on feature {feature}, but the model has {featureCount}.", nameof(trees));
                var words = tree.CategoryLength[child];
                if (words == 0 && float.IsNaN(tree.Threshold[child]))
                    throw new ArgumentException($"Tree {t} has a NaN threshold.", nameof(trees));
                var left = Add(nodeList, valueList);
                Add(nodeList, valueList);
                nodeList[slot] = new ScoringNode
                {
                    KeyOffset = feature * Lanes,
                    Threshold = words == 0 ? OrderedKey.Of(tree.Threshold[child]) : bits.Count,
                    Left = left * ScoringNode.Size,
                    Flags = (tree.DefaultLeft[child] ? ScoringNode.DefaultLeftFlag : 0) | (words > 0 ? ScoringNode.CategoricalFlag | words : 0),
                };
                if (words > 0)
                {
                    hasCategorical = true;
                    bits.AddRange(tree.CategoryBits.AsSpan(tree.CategoryStart[child], words));
                }
                queue.Enqueue((tree.Left[child], left, depth + 1));
                queue.Enqueue((tree.Right[child], left + 1, depth + 1));
            }
        }
        if (paddedCount > trees.Count)
        {
            var slot = Add(nodeList, valueList);
            nodeList[slot] = Leaf(slot);
            roots.AsSpan(trees.Count).Fill(slot * ScoringNode.Size);
        }
        nodes = nodeList.ToArray();
        values = valueList.ToArray();
        categoryBits = bits.ToArray();
        groupDepths = new int[paddedCount / Lanes];
        groupStepsToFirstLeaf = new int[paddedCount / Lanes];
        for (var g = 0; g < groupDepths.Length; g++)
        {
            groupDepths[g] = depths.AsSpan(g * Lanes, Lanes).ToArray().Max();
            groupStepsToFirstLeaf[g] = stepsToFirstLeaf.AsSpan(g * Lanes, Lanes).ToArray().Min();
        }
    }

    static int Add(List<ScoringNode> nodes, List<double> values)
    {
        nodes.Add(default);
        values.Add(0);
        return nodes.Count - 1;
    }

    static ScoringNode Leaf(int slot) =>
        new() { Threshold = OrderedKey.Missing, Left = slot * ScoringNode.Size, Flags = ScoringNode.LeafFlag };

    /// <summary>Adds tree t's leaf value to scores[t mod scores.Length], tree after tree.</summary>
    public void AddScores(ReadOnlySpan<float> features, Span<double> scores)
    {
        if (features.Length < featureCount)
            throw new ArgumentException($"{features.Length} features given, the model reads {featureCount}.", nameof(features));
        int[]? rented = null;
        var size = Math.Max(featureCount, 1) * Lanes;
        var group = size <= StackKeys ? stackalloc int[size] : (rented = ArrayPool<int>.Shared.Rent(size)).AsSpan(0, size);
        try
        {
            var missing = RowGroup.WriteRow(features[..featureCount], group);
            if (hasCategorical) AddScores<AnySplits>(group, scores);
            else if (missing) AddScores<NumericSplits>(group, scores);
            else AddScores<NumericSplitsNoneMissing>(group, scores);
        }
        finally
        {
            if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <param name="group">One row in every lane.</param>
    void AddScores<TSplits>(Span<int> group, Span<double> scores) where TSplits : struct, ISplitRule
    {
        Span<int> walks = stackalloc int[Lanes];
        var scoreCount = scores.Length;
        var k = 0;
        for (var first = 0; first < roots.Length; first += Lanes)
        {
            roots.AsSpan(first, Lanes).CopyTo(walks);
            WalkEight<TSplits>(walks, group, groupDepths[first / Lanes], groupStepsToFirstLeaf[first / Lanes]);
            var trees = Math.Min(Lanes, treeCount - first);
            for (var lane = 0; lane < trees; lane++)
            {
                scores[k] += ValueAt(walks[lane]);
                if (++k == scoreCount) k = 0;
            }
        }
    }

    /// <summary>
    /// Adds every tree's leaf values to the scores of rows [start, start + count) of the matrix (row-major, scoreCount
    /// per row): a block of rows at a time, tree by tree, eight rows walking the tree at once.
    /// </summary>
    public void AddScores(FeatureMatrix matrix, int start, int count, Span<double> scores, int scoreCount)
    {
        if (matrix.FeatureCount < featureCount)
            throw new ArgumentException($"The matrix has {matrix.FeatureCount} features, the model reads {featureCount}.", nameof(matrix));
        int[]? rented = null;
        var groupSize = Math.Max(featureCount, 1) * Lanes;
        var size = groupSize * (BlockRows / Lanes);
        var block = size <= StackKeys ? stackalloc int[size] : (rented = ArrayPool<int>.Shared.Rent(size)).AsSpan(0, size);
        try
        {
            for (var from = 0; from < count; from += BlockRows)
            {
                var rows = Math.Min(BlockRows, count - from);
                var missing = false;
                for (var first = 0; first < rows; first += Lanes)
                    missing |= RowGroup.WriteRows(matrix, featureCount, start + from + first, Math.Min(Lanes, rows - first), block.Slice(first / Lanes * groupSize, groupSize));
                var blockScores = scores.Slice(from * scoreCount, rows * scoreCount);
                var groups = block[..((rows + Lanes - 1) / Lanes * groupSize)];
                if (hasCategorical) AddBlockScores<AnySplits>(groups, groupSize, rows, blockScores, scoreCount);
                else if (missing) AddBlockScores<NumericSplits>(groups, groupSize, rows, blockScores, scoreCount);
                else AddBlockScores<NumericSplitsNoneMissing>(groups, groupSize, rows, blockScores, scoreCount);
            }
        }
        finally
        {
            if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <param name="groups">The rows' <see cref="RowGroup"/>s, one after another.</param>
    void AddBlockScores<TSplits>(Span<int> groups, int groupSize, int rows, Span<double> scores, int scoreCount) where TSplits : struct, ISplitRule
    {
        Span<int> walks = stackalloc int[Lanes];
        for (var t = 0; t < treeCount; t++)
        {
            var k = t % scoreCount;
            for (var first = 0; first < rows; first += Lanes)
            {
                Vector256.Create(roots[t]).CopyTo(walks);
                WalkEight<TSplits>(walks, groups.Slice(first / Lanes * groupSize, groupSize), depths[t], stepsToFirstLeaf[t]);
                var lanes = Math.Min(Lanes, rows - first);
                for (var lane = 0; lane < lanes; lane++) scores[(first + lane) * scoreCount + k] += ValueAt(walks[lane]);
            }
        }
    }

    double ValueAt(int node) => values[(uint)node / ScoringNode.Size];

    /// <summary>
    /// Walks eight nodes (<paramref name="walks"/>, byte offsets), lane i reading lane i of <paramref name="group"/>,
    /// down <paramref name="steps"/> levels; stops early once all eight are at leaves, which is checked after
    /// <paramref name="stepsToFirstLeaf"/> steps only (leaf-wise trees are lopsided: most walks end well before the
    /// deepest leaf).
    /// </summary>
    /// <param name="group">A <see cref="RowGroup"/> of the model's features (no node reads past them: checked at construction).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void WalkEight<TSplits>(Span<int> walks, Span<int> group, int steps, int stepsToFirstLeaf) where TSplits : struct, ISplitRule
    {
        ref var first = ref Unsafe.As<ScoringNode, byte>(ref MemoryMarshal.GetArrayDataReference(nodes));
        ref var keys = ref MemoryMarshal.GetReference(group);
        var bits = categoryBits;
        int a = walks[0], b = walks[1], c = walks[2], d = walks[3], e = walks[4], f = walks[5], g = walks[6], h = walks[7];
        for (var step = 0; step < steps; step++)
        {
            if (step >= stepsToFirstLeaf && AllLeaves(ref first, a, b, c, d, e, f, g, h)) break;
            a = Step<TSplits>(ref first, a, ref keys, bits);
            b = Step<TSplits>(ref first, b, ref Unsafe.Add(ref keys, 1), bits);
            c = Step<TSplits>(ref first, c, ref Unsafe.Add(ref keys, 2), bits);
            d = Step<TSplits>(ref first, d, ref Unsafe.Add(ref keys, 3), bits);
            e = Step<TSplits>(ref first, e, ref Unsafe.Add(ref keys, 4), bits);
            f = Step<TSplits>(ref first, f, ref Unsafe.Add(ref keys, 5), bits);
            g = Step<TSplits>(ref first, g, ref Unsafe.Add(ref keys, 6), bits);
            h = Step<TSplits>(ref first, h, ref Unsafe.Add(ref keys, 7), bits);
        }
        (walks[0], walks[1], walks[2], walks[3], walks[4], walks[5], walks[6], walks[7]) = (a, b, c, d, e, f, g, h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool AllLeaves(ref byte nodes, int a, int b, int c, int d, int e, int f, int g, int h) =>
        (Node(ref nodes, a).Flags & Node(ref nodes, b).Flags & Node(ref nodes, c).Flags & Node(ref nodes, d).Flags
         & Node(ref nodes, e).Flags & Node(ref nodes, f).Flags & Node(ref nodes, g).Flags & Node(ref nodes, h).Flags
         & ScoringNode.LeafFlag) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ref ScoringNode Node(ref byte nodes, int offset) => ref Unsafe.As<byte, ScoringNode>(ref Unsafe.AddByteOffset(ref nodes, (uint)offset));

    /// <summary>One step down from the node at byte offset <paramref name="offset"/> (a leaf steps to itself).</summary>
    /// <param name="lane">The lane's key of feature 0 in its row group.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int Step<TSplits>(ref byte nodes, int offset, ref int lane, uint[] categoryBits) where TSplits : struct, ISplitRule
    {
        ref var node = ref Node(ref nodes, offset);
        var key = Unsafe.Add(ref lane, (uint)node.KeyOffset);
        return node.Left + TSplits.GoesRight(ref node, key, categoryBits) * ScoringNode.Size;
    }
}
