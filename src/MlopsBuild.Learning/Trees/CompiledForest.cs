using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MlopsBuild.Learning.Features;

namespace MlopsBuild.Learning.Trees;

/// <summary>
/// Trees flattened for scoring: every node of every tree in one array of 16-byte nodes, laid out so that a node's
/// two children are neighbours (the right child right after the left), and a leaf is a node that steps to itself
/// whatever the value. A step is then "next = Left + (goes right ? 1 : 0)" with no branch on the data, and four walks
/// advance in lockstep (four trees for one row, or four rows through one tree), which keeps the processor busy where
/// a single walk would stall on every mispredicted branch. Each walk takes the path
/// <see cref="RegressionTree.GoesLeft"/> takes and leaf values are added in tree order, so the scores are the ones
/// <see cref="TreeEnsemble"/> defines, bit for bit.
/// </summary>
internal sealed class CompiledForest
{
    /// <summary>Rows whose features are copied row-major together, so that they stay in the first-level cache.</summary>
    const int BlockRows = 64;

    const int LeafFlag = 1 << 31;
    const int DefaultLeftFlag = 1 << 30;
    const int CategoricalFlag = 1 << 29;
    const int FeatureMask = CategoricalFlag - 1;

    [StructLayout(LayoutKind.Sequential)]
    struct Node
    {
        /// <summary>The feature index, with <see cref="LeafFlag"/>, <see cref="DefaultLeftFlag"/> and <see cref="CategoricalFlag"/>.</summary>
        public int Feature;
        public float Threshold;
        /// <summary>The left child; the right child is the next node. A leaf's is itself.</summary>
        public int Left;
        /// <summary>Categorical nodes: where the category set starts in <see cref="categoryBits"/>.</summary>
        public int CategoryStart;
    }

    readonly Node[] nodes;
    /// <summary>Per node: the leaf value (0 for internal nodes).</summary>
    readonly double[] values;
    /// <summary>Per tree: its root and its depth (the steps its deepest leaf is from the root).</summary>
    readonly int[] roots;
    readonly int[] depths;
    /// <summary>Per node: how many words its category set has (0 for the others).</summary>
    readonly int[] categoryLengths;
    readonly uint[] categoryBits;
    readonly int featureCount;
    /// <summary>Whether any node is categorical: if none, rows without missing values take the fast walk.</summary>
    readonly bool hasCategorical;

    /// <exception cref="ArgumentException">A tree reads a feature past <paramref name="featureCount"/>, or is not a tree.</exception>
    public CompiledForest(IReadOnlyList<RegressionTree> trees, int featureCount)
    {
        this.featureCount = featureCount;
        var nodeList = new List<Node>();
        var valueList = new List<double>();
        var bits = new List<uint>();
        var lengthList = new List<int>();
        roots = new int[trees.Count];
        depths = new int[trees.Count];
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            roots[t] = nodeList.Count;
            // Breadth first: each node, once placed, gets its children placed as a pair at the end of the list.
            var queue = new Queue<(int Child, int Slot, int Depth)>();
            queue.Enqueue((tree.NodeCount == 0 ? ~0 : 0, Add(nodeList, valueList, lengthList), 0));
            while (queue.TryDequeue(out var item))
            {
                var (child, slot, depth) = item;
                depths[t] = Math.Max(depths[t], depth);
                if (depth > tree.NodeCount)
                    throw new ArgumentException($"Tree {t}'s child references form a cycle.", nameof(trees));
                if (child < 0)
                {
                    // Feature 0 ≤ +∞, NaN by default: every value goes "left", to the leaf itself.
                    nodeList[slot] = new Node { Feature = LeafFlag | DefaultLeftFlag, Threshold = float.PositiveInfinity, Left = slot };
                    valueList[slot] = tree.LeafValue[~child];
                    continue;
                }
                if (tree.Feature[child] < 0 || tree.Feature[child] >= featureCount)
                    throw new ArgumentException($"Tree {t} splits on feature {tree.Feature[child]}, but the model has {featureCount}.", nameof(trees));
                var categorical = tree.CategoryLength[child] > 0;
                var left = Add(nodeList, valueList, lengthList);
                Add(nodeList, valueList, lengthList);
                nodeList[slot] = new Node
                {
                    Feature = tree.Feature[child] | (tree.DefaultLeft[child] ? DefaultLeftFlag : 0) | (categorical ? CategoricalFlag : 0),
                    Threshold = tree.Threshold[child],
                    Left = left,
                    CategoryStart = bits.Count,
                };
                if (categorical)
                {
                    hasCategorical = true;
                    lengthList[slot] = tree.CategoryLength[child];
                    bits.AddRange(tree.CategoryBits.AsSpan(tree.CategoryStart[child], tree.CategoryLength[child]));
                }
                queue.Enqueue((tree.Left[child], left, depth + 1));
                queue.Enqueue((tree.Right[child], left + 1, depth + 1));
            }
        }
        nodes = nodeList.ToArray();
        values = valueList.ToArray();
        categoryBits = bits.ToArray();
        categoryLengths = lengthList.ToArray();
    }

    static int Add(List<Node> nodes, List<double> values, List<int> categoryLengths)
    {
        nodes.Add(default);
        values.Add(0);
        categoryLengths.Add(0);
        return nodes.Count - 1;
    }

    /// <summary>Adds tree t's leaf value to scores[t mod scores.Length], tree after tree: four trees walked at once.</summary>
    public void AddScores(ReadOnlySpan<float> features, Span<double> scores)
    {
        if (features.Length < featureCount)
            throw new ArgumentException($"{features.Length} features given, the model reads {featureCount}.", nameof(features));
        ref var row = ref MemoryMarshal.GetReference(features);
        var fast = !hasCategorical && !HasMissing(features[..featureCount]);
        var scoreCount = scores.Length;
        var t = 0;
        var k = 0;
        for (; t + 4 <= roots.Length; t += 4)
        {
            int a = roots[t], b = roots[t + 1], c = roots[t + 2], d = roots[t + 3];
            var steps = Math.Max(Math.Max(depths[t], depths[t + 1]), Math.Max(depths[t + 2], depths[t + 3]));
            if (fast) WalkFast(ref a, ref b, ref c, ref d, ref row, ref row, ref row, ref row, steps);
            else WalkGeneral(ref a, ref b, ref c, ref d, ref row, ref row, ref row, ref row, steps);
            scores[k] += values[a];
            if (++k == scoreCount) k = 0;
            scores[k] += values[b];
            if (++k == scoreCount) k = 0;
            scores[k] += values[c];
            if (++k == scoreCount) k = 0;
            scores[k] += values[d];
            if (++k == scoreCount) k = 0;
        }
        for (; t < roots.Length; t++)
        {
            var node = roots[t];
            for (var step = 0; step < depths[t]; step++) node = Step(node, ref row);
            scores[k] += values[node];
            if (++k == scoreCount) k = 0;
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
    /// per row): a block of rows at a time, tree by tree, four rows of the block walking the tree at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddScores(FeatureMatrix matrix, int start, int count, Span<double> scores, int scoreCount)
    {
        if (matrix.FeatureCount < featureCount)
            throw new ArgumentException($"The matrix has {matrix.FeatureCount} features, the model reads {featureCount}.", nameof(matrix));
        float[]? rented = null;
        var rowLength = Math.Max(featureCount, 1);
        var size = BlockRows * rowLength;
        var block = size <= 16384 ? stackalloc float[size] : (rented = ArrayPool<float>.Shared.Rent(size));
        try
        {
            for (var from = 0; from < count; from += BlockRows)
            {
                var rowsInBlock = Math.Min(BlockRows, count - from);
                var missing = false;
                for (var j = 0; j < featureCount; j++)
                {
                    var column = matrix.Columns[j].AsSpan(start + from, rowsInBlock);
                    missing |= HasMissing(column);
                    for (var i = 0; i < column.Length; i++) block[i * rowLength + j] = column[i];
                }
                var fast = !hasCategorical && !missing;
                var blockScores = scores.Slice(from * scoreCount, rowsInBlock * scoreCount);
                for (var t = 0; t < roots.Length; t++)
                    AddTree(t, block, rowLength, rowsInBlock, blockScores, scoreCount, t % scoreCount, fast);
            }
        }
        finally
        {
            if (rented is not null) ArrayPool<float>.Shared.Return(rented);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void AddTree(int t, Span<float> block, int rowLength, int rows, Span<double> scores, int scoreCount, int k, bool fast)
    {
        int root = roots[t], steps = depths[t];
        ref var first = ref MemoryMarshal.GetReference(block);
        var i = 0;
        for (; i + 4 <= rows; i += 4)
        {
            ref var r0 = ref Unsafe.Add(ref first, i * rowLength);
            ref var r1 = ref Unsafe.Add(ref r0, rowLength);
            ref var r2 = ref Unsafe.Add(ref r1, rowLength);
            ref var r3 = ref Unsafe.Add(ref r2, rowLength);
            int a = root, b = root, c = root, d = root;
            if (fast) WalkFast(ref a, ref b, ref c, ref d, ref r0, ref r1, ref r2, ref r3, steps);
            else WalkGeneral(ref a, ref b, ref c, ref d, ref r0, ref r1, ref r2, ref r3, steps);
            scores[i * scoreCount + k] += values[a];
            scores[(i + 1) * scoreCount + k] += values[b];
            scores[(i + 2) * scoreCount + k] += values[c];
            scores[(i + 3) * scoreCount + k] += values[d];
        }
        for (; i < rows; i++)
        {
            ref var row = ref Unsafe.Add(ref first, i * rowLength);
            var node = root;
            for (var step = 0; step < steps; step++) node = Step(node, ref row);
            scores[i * scoreCount + k] += values[node];
        }
    }

    /// <summary>
    /// Four walks, each through its own row, down at most <paramref name="steps"/> levels; stops early once all four
    /// are at leaves (leaf-wise trees are lopsided: most walks end well before the deepest leaf). For rows without a
    /// missing value and trees without a categorical split: then "goes right" is just value &gt; threshold.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void WalkFast(ref int a, ref int b, ref int c, ref int d, ref float r0, ref float r1, ref float r2, ref float r3, int steps)
    {
        ref var first = ref MemoryMarshal.GetArrayDataReference(nodes);
        for (var step = 0; step < steps; step++)
        {
            ref var na = ref Unsafe.Add(ref first, a);
            ref var nb = ref Unsafe.Add(ref first, b);
            ref var nc = ref Unsafe.Add(ref first, c);
            ref var nd = ref Unsafe.Add(ref first, d);
            int fa = na.Feature, fb = nb.Feature, fc = nc.Feature, fd = nd.Feature;
            if ((fa & fb & fc & fd & LeafFlag) != 0) break;
            a = na.Left + (Unsafe.Add(ref r0, fa & FeatureMask) > na.Threshold ? 1 : 0);
            b = nb.Left + (Unsafe.Add(ref r1, fb & FeatureMask) > nb.Threshold ? 1 : 0);
            c = nc.Left + (Unsafe.Add(ref r2, fc & FeatureMask) > nc.Threshold ? 1 : 0);
            d = nd.Left + (Unsafe.Add(ref r3, fd & FeatureMask) > nd.Threshold ? 1 : 0);
        }
    }

    /// <summary>As <see cref="WalkFast"/>, for any row and tree: missing values and categorical splits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void WalkGeneral(ref int a, ref int b, ref int c, ref int d, ref float r0, ref float r1, ref float r2, ref float r3, int steps)
    {
        for (var step = 0; step < steps; step++)
        {
            int a1 = Step(a, ref r0), b1 = Step(b, ref r1), c1 = Step(c, ref r2), d1 = Step(d, ref r3);
            var moved = (a1 != a) | (b1 != b) | (c1 != c) | (d1 != d);
            (a, b, c, d) = (a1, b1, c1, d1);
            if (!moved) break;
        }
    }

    /// <summary>One step down from <paramref name="node"/> (a leaf steps to itself).</summary>
    /// <param name="row">The row's first feature; features past the model's count are never read (checked at construction).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    int Step(int node, ref float row)
    {
        ref var current = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(nodes), node);
        var flags = current.Feature;
        var value = Unsafe.Add(ref row, flags & FeatureMask);
        bool left;
        if ((flags & CategoricalFlag) == 0)
            left = (value <= current.Threshold) | (float.IsNaN(value) & (flags & DefaultLeftFlag) != 0);
        else
            left = CategoryGoesLeft(node, value, (flags & DefaultLeftFlag) != 0);
        return current.Left + (left ? 0 : 1);
    }

    bool CategoryGoesLeft(int node, float value, bool defaultLeft)
    {
        if (float.IsNaN(value)) return defaultLeft;
        var words = categoryLengths[node];
        var category = (int)value;
        if ((uint)category >= (uint)(words * 32)) return defaultLeft; // an unseen category: as missing
        return (categoryBits[nodes[node].CategoryStart + (category >> 5)] & (1u << (category & 31))) != 0;
    }
}
