using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MlopsBuild.Learning.Features;

namespace MlopsBuild.Learning.Trees;

/// <summary>
/// Trees flattened for scoring: every node of every tree in one array of <see cref="ScoringNode"/>s, breadth first, a
/// node's two children neighbours (the right child right after the left). A step is "next = Left + (goes right ? one
/// node : 0)" with no branch on the data, and eight walks (lanes) advance together, so the processor overlaps eight
/// chains of dependent loads instead of waiting on one. Nodes are found by offset (see <see cref="ScoringNode.Width"/>).
/// A lane walks a sequence of trees without stopping: each leaf is a copy of the root of the lane's next tree (or of
/// the parking node after its last), so a lane that reaches a leaf goes on with its next tree at once instead of
/// waiting for the other lanes' deeper walks (trees grown leaf-wise are lopsided). Every node writes its offset to its
/// tree's slot as the lane passes it, so a tree's slot ends up holding its leaf. A lane that is done steps to the
/// parking node, which steps to itself. Trees with no split are not walked: their one leaf is known.
/// Two arrays hold the same nodes and differ only in the copies at the leaves and the slots: <see cref="everyTree"/>
/// (lane i walks row i through every tree; rows are scored eight at a time) and <see cref="everyEighthTree"/> (lane i
/// walks one row through the trees i, i + 8, … of those with a split; a row scored alone). Values are compared as
/// <see cref="OrderedKey"/>s, in a <see cref="RowGroup"/> for rows and in <see cref="RowKeys"/> for a row alone (the
/// two arrays' nodes read their keys where each layout has them). Each walk takes the path <see cref="RegressionTree.GoesLeft"/>
/// takes, and leaf values are added in tree order once the walk is over, so the scores are the ones
/// <see cref="TreeEnsemble"/> defines, bit for bit. A row scored alone, and rows with one score, walk a
/// <see cref="CompactForest"/> instead when the forest fits one: the same walks, on nodes half the size laid out a
/// cache line at a time.
/// </summary>
internal sealed class CompiledForest
{
    const int Lanes = RowGroup.Lanes;

    /// <summary>Row groups up to this size (in keys), and leaf slots up to this many, are kept on the stack.</summary>
    const int StackInts = 4096;

    /// <summary>Leaves are copies of the next tree's root; a tree's slot for lane i is at tree × <see cref="Lanes"/> + i.</summary>
    readonly ScoringNode[] everyTree;
    readonly CategorySplits everyTreeCategories;
    /// <summary>Leaves are copies of the root <see cref="Lanes"/> trees on (among trees with a split); a tree's slot is at its index, whichever lane walks it.</summary>
    readonly ScoringNode[] everyEighthTree;
    readonly CategorySplits everyEighthTreeCategories;
    /// <summary>Per node: the leaf value (0 for internal nodes and roots).</summary>
    readonly double[] values;
    /// <summary>Where each lane starts when one row walks <see cref="everyEighthTree"/>.</summary>
    readonly int[] aloneStarts;
    /// <summary>Where every lane starts when rows walk <see cref="everyTree"/>: the first tree with a split's root.</summary>
    readonly int rowStart;
    /// <summary>Trees with no split, and their leaf's offset, which no walk writes: their slots are filled before.</summary>
    readonly (int Tree, int Leaf)[] unsplit;
    /// <summary>The offset of the node a lane with no tree left steps to forever: the first.</summary>
    const int park = 0;
    readonly int treeCount;
    readonly int featureCount;
    /// <summary>Whether any node is categorical: if none, every step takes the numeric rule without asking.</summary>
    readonly bool hasCategorical;
    /// <summary>Whether each tree has a region of its own (<see cref="RegionSlots"/>), which a row scored alone walks by.</summary>
    readonly bool treeByRegion;
    /// <summary>The compact layout a row scored alone, and rows with one score, walk when the forest fits it.</summary>
    readonly CompactForest? compact;

    /// <exception cref="ArgumentException">A tree reads a feature past <paramref name="featureCount"/>, has a NaN threshold, or is not a tree.</exception>
    public CompiledForest(IReadOnlyList<RegressionTree> trees, int featureCount)
    {
        this.featureCount = featureCount;
        treeCount = trees.Count;
        var nodes = new List<ScoringNode>();
        var kinds = new List<int>();
        var valueList = new List<double>();
        var words = new List<uint>();
        var treeOf = new List<int>();
        var reads = new List<(int Feature, bool DefaultLeft)>(); // the key each node reads, placed by the layout
        var leaves = new List<int>(); // of trees with a split
        var roots = new int[trees.Count];
        var unsplitList = new List<(int, int)>();
        // A region per tree (see RegionSlots) when no tree is larger and the gaps at most double the nodes.
        var sizes = trees.Select(tree => 2L * tree.NodeCount + 1).ToArray();
        treeByRegion = sizes.All(size => size * ScoringNode.Width <= RegionSlots.Units)
            && (trees.Count + 1L) * RegionSlots.Units <= 2 * (sizes.Sum() + 1) * ScoringNode.Width;
        // The parking node first, at offset 0, so that "every lane parked" is "the lanes' offsets OR to 0".
        Add(-1);
        nodes[0] = new ScoringNode { Threshold = OrderedKey.Missing, Left = park };
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            while (treeByRegion && nodes.Count * ScoringNode.Width % RegionSlots.Units != 0) Add(-1);
            roots[t] = nodes.Count * ScoringNode.Width;
            if (tree.NodeCount == 0) unsplitList.Add((t, roots[t]));
            // Breadth first: each node, once placed, gets its children placed as a pair at the end of the list.
            var queue = new Queue<(int Child, int Slot, int Depth)>();
            queue.Enqueue((tree.NodeCount == 0 ? ~0 : 0, Add(t), 0));
            while (queue.TryDequeue(out var item))
            {
                var (child, slot, depth) = item;
                if (depth > tree.NodeCount)
                    throw new ArgumentException($"Tree {t}'s child references form a cycle.", nameof(trees));
                if (child < 0)
                {
                    valueList[slot] = tree.LeafValue[~child];
                    if (tree.NodeCount > 0) leaves.Add(slot);
                    continue;
                }
                var feature = tree.Feature[child];
                if (feature < 0 || feature >= featureCount)
                    throw new ArgumentException($"Tree {t} splits on feature {feature}, but the model has {featureCount}.", nameof(trees));
                var setWords = tree.CategoryLength[child];
                if (setWords == 0 && float.IsNaN(tree.Threshold[child]))
                    throw new ArgumentException($"Tree {t} has a NaN threshold.", nameof(trees));
                var left = Add(t);
                Add(t);
                var defaultLeft = tree.DefaultLeft[child];
                // A categorical node reads the first copy and handles a missing value itself.
                reads[slot] = (feature, defaultLeft && setWords == 0);
                nodes[slot] = new ScoringNode
                {
                    Threshold = setWords == 0 ? OrderedKey.Of(tree.Threshold[child]) : words.Count,
                    Left = left * ScoringNode.Width,
                };
                if (setWords > 0)
                {
                    hasCategorical = true;
                    kinds[slot] = setWords | (defaultLeft ? CategorySplits.DefaultLeftFlag : 0);
                    words.AddRange(tree.CategoryBits.AsSpan(tree.CategoryStart[child], setWords));
                }
                queue.Enqueue((tree.Left[child], left, depth + 1));
                queue.Enqueue((tree.Right[child], left + 1, depth + 1));
            }
        }
        values = valueList.ToArray();
        unsplit = unsplitList.ToArray();

        var split = Enumerable.Range(0, trees.Count).Where(t => trees[t].NodeCount > 0).ToArray();
        var categoryWords = words.ToArray();
        // Rows: lane i's slot of tree t is at t × Lanes + i, and a leaf leads to the next tree with a split.
        var nextInRow = new int[trees.Count];
        for (var i = 0; i < split.Length; i++) nextInRow[split[i]] = i + 1 < split.Length ? roots[split[i + 1]] : park;
        (everyTree, var rowKinds) = Link(
            nodes, kinds, treeOf, leaves, r => RowGroup.KeyOffset(r.Feature, r.DefaultLeft), reads, t => t * Lanes * sizeof(int), nextInRow, trees.Count * Lanes * sizeof(int));
        everyTreeCategories = new CategorySplits(rowKinds, categoryWords);
        rowStart = split.Length > 0 ? roots[split[0]] : park;
        // One row: the lane that walks tree t is its position among trees with a split, mod Lanes; its slot is at t.
        var nextAlone = new int[trees.Count];
        var slotAlone = new int[trees.Count];
        for (var i = 0; i < split.Length; i++)
        {
            nextAlone[split[i]] = i + Lanes < split.Length ? roots[split[i + Lanes]] : park;
            slotAlone[split[i]] = (split[i] - i % Lanes) * sizeof(int);
        }
        (everyEighthTree, var aloneKinds) = Link(
            nodes, kinds, treeOf, leaves, r => RowKeys.KeyOffset(r.Feature, r.DefaultLeft, featureCount), reads, t => slotAlone[t], nextAlone, trees.Count * sizeof(int));
        everyEighthTreeCategories = new CategorySplits(aloneKinds, categoryWords);
        aloneStarts = Enumerable.Range(0, Lanes).Select(i => i < split.Length ? roots[split[i]] : park).ToArray();
        compact = CompactForest.TryBuild(trees, featureCount);

        // A node of tree t (−1: the parking node or a gap between regions), as yet unlinked.
        int Add(int t)
        {
            nodes.Add(default);
            kinds.Add(0);
            valueList.Add(0);
            treeOf.Add(t);
            reads.Add((0, false));
            return nodes.Count - 1;
        }
    }

    /// <summary>
    /// The nodes as lanes walk them: each reads its key where <paramref name="keyOffset"/> puts it and records into
    /// its tree's slot (<paramref name="record"/>: bytes from the lane's first slot), each leaf is a copy of the node
    /// <paramref name="next"/> says for its tree but records as a node of its own tree, and the parking node (and any
    /// gap between regions) records at <paramref name="parkRecord"/>.
    /// </summary>
    static (ScoringNode[] Nodes, int[] Kinds) Link(
        List<ScoringNode> nodes, List<int> kinds, List<int> treeOf, List<int> leaves,
        Func<(int Feature, bool DefaultLeft), int> keyOffset, List<(int Feature, bool DefaultLeft)> reads,
        Func<int, int> record, int[] next, int parkRecord)
    {
        var linked = nodes.ToArray();
        var linkedKinds = kinds.ToArray();
        for (var i = 0; i < linked.Length; i++) linked[i].KeyOffset = keyOffset(reads[i]);
        for (var i = 0; i < treeOf.Count; i++) linked[i].Record = treeOf[i] < 0 ? parkRecord : record(treeOf[i]);
        foreach (var leaf in leaves)
        {
            var tree = treeOf[leaf];
            var target = next[tree] / ScoringNode.Width;
            linked[leaf] = linked[target] with { Record = record(tree) };
            linkedKinds[leaf] = linkedKinds[target];
        }
        return (linked, linkedKinds);
    }

    /// <summary>Adds tree t's leaf value to scores[t mod scores.Length], tree after tree.</summary>
    [SkipLocalsInit] // every key and slot read is written first
    public void AddScores(ReadOnlySpan<float> features, Span<double> scores)
    {
        if (features.Length < featureCount)
            throw new ArgumentException($"{features.Length} features given, the model reads {featureCount}.", nameof(features));
        int[]? rentedKeys = null, rentedSlots = null;
        var size = RowKeys.Size(Math.Max(featureCount, 1));
        var keys = size <= StackInts ? stackalloc int[size] : (rentedKeys = ArrayPool<int>.Shared.Rent(size)).AsSpan(0, size);
        // One slot per tree, then one per lane for the parking node (by region: the parking node's, then the trees').
        var slotCount = treeCount + Lanes;
        var slots = slotCount <= StackInts ? stackalloc int[slotCount] : (rentedSlots = ArrayPool<int>.Shared.Rent(slotCount)).AsSpan(0, slotCount);
        try
        {
            RowKeys.Write(features[..featureCount], keys);
            if (compact is not null)
            {
                compact.AddScores(keys, slots[..compact.SlotCount], scores);
                return;
            }
            // By region, the parking node's slot comes first and tree t's is at t + 1.
            var treeSlots = treeByRegion ? slots[1..] : slots;
            foreach (var (tree, leaf) in unsplit) treeSlots[tree] = leaf;
            if (treeByRegion)
            {
                if (hasCategorical) Walk<AnySplits, SharedKeys, RegionSlots>(everyEighthTree, everyEighthTreeCategories, aloneStarts, keys, slots);
                else Walk<NumericSplits, SharedKeys, RegionSlots>(everyEighthTree, everyEighthTreeCategories, aloneStarts, keys, slots);
            }
            else if (hasCategorical) Walk<AnySplits, SharedKeys, RecordedSlots>(everyEighthTree, everyEighthTreeCategories, aloneStarts, keys, slots);
            else Walk<NumericSplits, SharedKeys, RecordedSlots>(everyEighthTree, everyEighthTreeCategories, aloneStarts, keys, slots);
            AddLeafValues(values, sizeof(double) / ScoringNode.Width, treeSlots, 1, treeCount, scores);
        }
        finally
        {
            if (rentedKeys is not null) ArrayPool<int>.Shared.Return(rentedKeys);
            if (rentedSlots is not null) ArrayPool<int>.Shared.Return(rentedSlots);
        }
    }

    /// <summary>
    /// Adds every tree's leaf values to the scores of rows [start, start + count) of the matrix (row-major, scoreCount
    /// per row): eight rows at a time, each walking every tree in its own lane.
    /// </summary>
    [SkipLocalsInit] // every key and slot read is written first
    public void AddScores(FeatureMatrix matrix, int start, int count, Span<double> scores, int scoreCount)
    {
        if (matrix.FeatureCount < featureCount)
            throw new ArgumentException($"The matrix has {matrix.FeatureCount} features, the model reads {featureCount}.", nameof(matrix));
        int[]? rentedGroup = null, rentedSlots = null;
        var size = RowGroup.Size(Math.Max(featureCount, 1));
        var group = size <= StackInts ? stackalloc int[size] : (rentedGroup = ArrayPool<int>.Shared.Rent(size)).AsSpan(0, size);
        // Per tree, then for the parking node: a slot per lane.
        var slotCount = (treeCount + 1) * Lanes;
        var slots = slotCount <= StackInts ? stackalloc int[slotCount] : (rentedSlots = ArrayPool<int>.Shared.Rent(slotCount)).AsSpan(0, slotCount);
        Span<int> starts = stackalloc int[Lanes];
        try
        {
            // The compact walk keeps one running sum per row, so serves one score.
            if (compact is not null && scoreCount == 1)
            {
                compact.AddScores(matrix, featureCount, start, count, group, scores);
                return;
            }
            foreach (var (tree, leaf) in unsplit) slots.Slice(tree * Lanes, Lanes).Fill(leaf);
            for (var first = 0; first < count; first += Lanes)
            {
                var rows = Math.Min(Lanes, count - first);
                RowGroup.WriteRows(matrix, featureCount, start + first, rows, group);
                for (var lane = 0; lane < Lanes; lane++) starts[lane] = lane < rows ? rowStart : park;
                if (hasCategorical) Walk<AnySplits, LaneKeys, RecordedSlots>(everyTree, everyTreeCategories, starts, group, slots);
                else Walk<NumericSplits, LaneKeys, RecordedSlots>(everyTree, everyTreeCategories, starts, group, slots);
                for (var lane = 0; lane < rows; lane++)
                    AddLeafValues(values, sizeof(double) / ScoringNode.Width, slots[lane..], Lanes, treeCount, scores.Slice((first + lane) * scoreCount, scoreCount));
            }
        }
        finally
        {
            if (rentedGroup is not null) ArrayPool<int>.Shared.Return(rentedGroup);
            if (rentedSlots is not null) ArrayPool<int>.Shared.Return(rentedSlots);
        }
    }

    /// <summary>
    /// Adds the value of tree t's leaf (its offset at slots[t × <paramref name="stride"/>]) to scores[t mod
    /// scores.Length], score by score in tree order: each score's sum is kept in a register, since adding into memory
    /// waits for the store of the previous sum each time. The additions wait on each other, so the loop around them is
    /// kept to a few instructions: no bounds checks (every slot holds a node's offset), and a node's value found at
    /// offset × <paramref name="valueBytesPerOffset"/> bytes (a double per node: 4 bytes per offset unit for
    /// <see cref="ScoringNode"/>s, which are <see cref="ScoringNode.Width"/> units long; 8 for <see cref="CompactNode"/>s).
    /// </summary>
    internal static void AddLeafValues(double[] values, int valueBytesPerOffset, ReadOnlySpan<int> slots, int stride, int treeCount, Span<double> scores)
    {
        ref var value = ref MemoryMarshal.GetArrayDataReference(values);
        ref var slot = ref MemoryMarshal.GetReference(slots);
        for (var k = 0; k < scores.Length; k++)
        {
            var sum = scores[k];
            for (nint at = k * stride, end = treeCount * stride, step = scores.Length * stride; at < end; at += step)
                sum += Unsafe.AddByteOffset(ref value, (uint)Unsafe.Add(ref slot, at) * (nuint)valueBytesPerOffset);
            scores[k] = sum;
        }
    }

    /// <summary>
    /// Walks eight lanes from <paramref name="starts"/> (offsets in <paramref name="nodes"/>) until all are parked,
    /// lane i reading its keys from <paramref name="keys"/> as <typeparamref name="TKeys"/> says and writing to
    /// <paramref name="slots"/> as <typeparamref name="TSlots"/> says.
    /// </summary>
    /// <param name="keys">The model's features as the nodes' key offsets expect (no node reads past them: checked at construction).</param>
    /// <param name="slots">As many as the walk's slots reach (see <see cref="everyTree"/>, <see cref="everyEighthTree"/> and <see cref="RegionSlots"/>).</param>
    [MethodImpl(MethodImplOptions.NoInlining)]
    void Walk<TSplits, TKeys, TSlots>(ScoringNode[] nodes, CategorySplits categories, ReadOnlySpan<int> starts, Span<int> keys, Span<int> slots)
        where TSplits : struct, ISplitRule
        where TKeys : struct, ILaneKeys
        where TSlots : struct, ITreeSlots
    {
        ref var first = ref Unsafe.As<ScoringNode, long>(ref MemoryMarshal.GetArrayDataReference(nodes));
        ref var key = ref MemoryMarshal.GetReference(keys);
        ref var slot = ref MemoryMarshal.GetReference(slots);
        // Native-sized offsets address a node in one instruction, with no widening first.
        nuint a = (uint)starts[0], b = (uint)starts[1], c = (uint)starts[2], d = (uint)starts[3];
        nuint e = (uint)starts[4], f = (uint)starts[5], g = (uint)starts[6], h = (uint)starts[7];
        // Two rounds per test of whether all lanes are parked (a parked lane stays so): the test costs as much as
        // two lane steps, and at most one round is wasted at the end. (An inner loop of four rounds measured slower.)
        while ((a | b | c | d | e | f | g | h) != park)
        {
            a = Step<TSplits, TSlots>(ref first, a, ref key, ref slot, categories);
            b = Step<TSplits, TSlots>(ref first, b, ref Unsafe.Add(ref key, 1 * TKeys.LaneStride), ref Unsafe.Add(ref slot, 1 * TSlots.LaneStride), categories);
            c = Step<TSplits, TSlots>(ref first, c, ref Unsafe.Add(ref key, 2 * TKeys.LaneStride), ref Unsafe.Add(ref slot, 2 * TSlots.LaneStride), categories);
            d = Step<TSplits, TSlots>(ref first, d, ref Unsafe.Add(ref key, 3 * TKeys.LaneStride), ref Unsafe.Add(ref slot, 3 * TSlots.LaneStride), categories);
            e = Step<TSplits, TSlots>(ref first, e, ref Unsafe.Add(ref key, 4 * TKeys.LaneStride), ref Unsafe.Add(ref slot, 4 * TSlots.LaneStride), categories);
            f = Step<TSplits, TSlots>(ref first, f, ref Unsafe.Add(ref key, 5 * TKeys.LaneStride), ref Unsafe.Add(ref slot, 5 * TSlots.LaneStride), categories);
            g = Step<TSplits, TSlots>(ref first, g, ref Unsafe.Add(ref key, 6 * TKeys.LaneStride), ref Unsafe.Add(ref slot, 6 * TSlots.LaneStride), categories);
            h = Step<TSplits, TSlots>(ref first, h, ref Unsafe.Add(ref key, 7 * TKeys.LaneStride), ref Unsafe.Add(ref slot, 7 * TSlots.LaneStride), categories);
            a = Step<TSplits, TSlots>(ref first, a, ref key, ref slot, categories);
            b = Step<TSplits, TSlots>(ref first, b, ref Unsafe.Add(ref key, 1 * TKeys.LaneStride), ref Unsafe.Add(ref slot, 1 * TSlots.LaneStride), categories);
            c = Step<TSplits, TSlots>(ref first, c, ref Unsafe.Add(ref key, 2 * TKeys.LaneStride), ref Unsafe.Add(ref slot, 2 * TSlots.LaneStride), categories);
            d = Step<TSplits, TSlots>(ref first, d, ref Unsafe.Add(ref key, 3 * TKeys.LaneStride), ref Unsafe.Add(ref slot, 3 * TSlots.LaneStride), categories);
            e = Step<TSplits, TSlots>(ref first, e, ref Unsafe.Add(ref key, 4 * TKeys.LaneStride), ref Unsafe.Add(ref slot, 4 * TSlots.LaneStride), categories);
            f = Step<TSplits, TSlots>(ref first, f, ref Unsafe.Add(ref key, 5 * TKeys.LaneStride), ref Unsafe.Add(ref slot, 5 * TSlots.LaneStride), categories);
            g = Step<TSplits, TSlots>(ref first, g, ref Unsafe.Add(ref key, 6 * TKeys.LaneStride), ref Unsafe.Add(ref slot, 6 * TSlots.LaneStride), categories);
            h = Step<TSplits, TSlots>(ref first, h, ref Unsafe.Add(ref key, 7 * TKeys.LaneStride), ref Unsafe.Add(ref slot, 7 * TSlots.LaneStride), categories);
        }
    }

    /// <summary>One step on from the node at <paramref name="offset"/>, writing the offset to the node's slot.</summary>
    /// <param name="lane">Where the lane's key offsets count from.</param>
    /// <param name="laneSlot">Where the lane's slots count from.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static nuint Step<TSplits, TSlots>(ref long units, nuint offset, ref int lane, ref int laneSlot, CategorySplits categories)
        where TSplits : struct, ISplitRule
        where TSlots : struct, ITreeSlots
    {
        ref var node = ref Unsafe.As<long, ScoringNode>(ref Unsafe.Add(ref units, offset));
        TSlots.SlotOf(ref laneSlot, ref node, offset) = (int)offset;
        var key = Unsafe.Add(ref lane, (uint)node.KeyOffset);
        return (uint)node.Left + (nuint)(uint)TSplits.GoesRight(ref node, (int)offset, key, categories) * ScoringNode.Width;
    }
}
