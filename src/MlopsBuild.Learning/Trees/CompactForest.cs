using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MlopsBuild.Learning.Features;

namespace MlopsBuild.Learning.Trees;

/// <summary>
/// A row scored alone, walked as <see cref="CompiledForest"/> walks it (eight lanes, lane i through the trees with a
/// split i, i + 8, …; a leaf is a copy of the lane's next root; a node's slot is its tree's region) but on
/// <see cref="CompactNode"/>s laid out a cache line at a time. A row's walk visits some 800 nodes of a 100-tree forest,
/// more cache lines than the first-level cache holds, so most steps wait for a line from the second level: here a
/// line holds 8 nodes, a node's children are placed in its line while there is room (a walk crosses a line every two
/// or three steps rather than every step), and the nodes are half the size. Leaf values are added in tree order as
/// the walk goes (<see cref="AddNextLeaf"/>), which overlaps the chain of additions with the walk, and after it for
/// the trees not yet added. Rows scored together walk the same nodes linked as <see cref="CompiledForest"/>'s rows
/// walk theirs (<see cref="everyTree"/>), each lane adding every node's value as it goes. Numeric splits only, and
/// only forests whose nodes fit the fields (see <see cref="TryBuild"/>); others are walked by <see cref="CompiledForest"/>.
/// </summary>
internal sealed class CompactForest
{
    const int Lanes = RowGroup.Lanes;

    /// <summary>A tree's region, in nodes: tree t's is [(t + 1) × this, (t + 2) × this), the parking node's the first.</summary>
    const int RegionShift = 8;
    const int RegionNodes = 1 << RegionShift;

    /// <summary>The most space the trees' regions may take per node of theirs.</summary>
    const int SpacePerNode = 4;

    /// <summary>The nodes a row scored alone walks: a leaf is a copy of the root <see cref="Lanes"/> trees on (among trees with a split).</summary>
    readonly LineAlignedNodes alone;
    /// <summary>
    /// The same nodes as rows walk them, eight at a time (lane i walks row i through every tree, in order): a leaf is a
    /// copy of the next tree's root, and a node's key is the index of its feature's copy in a <see cref="RowGroup"/>. A
    /// tree with no split is walked too, through one node that always goes left to the next tree (as does a leaf just
    /// before it), so that its value is added in its turn.
    /// </summary>
    readonly LineAlignedNodes everyTree;
    /// <summary>Per node: its leaf value; −0 for the other nodes, which adds nothing to any sum.</summary>
    readonly double[] values;
    readonly int[] starts;
    /// <summary>Where every lane starts when rows walk <see cref="everyTree"/>: the first tree's root.</summary>
    readonly int rowStart;
    /// <summary>Trees with no split, and their leaf's node, which no walk writes: their slots are filled before.</summary>
    readonly (int Tree, int Leaf)[] unsplit;
    readonly int treeCount;

    CompactForest(LineAlignedNodes alone, LineAlignedNodes everyTree, double[] values, int[] starts, int rowStart, (int, int)[] unsplit, int treeCount)
    {
        this.alone = alone;
        this.everyTree = everyTree;
        this.values = values;
        this.starts = starts;
        this.rowStart = rowStart;
        this.unsplit = unsplit;
        this.treeCount = treeCount;
    }

    /// <summary>
    /// Slots a walk uses: the parking node's region's, one per tree, and one that stays at the parking node, where
    /// <see cref="AddNextLeaf"/> waits once every tree is added.
    /// </summary>
    public int SlotCount => treeCount + 2;

    /// <summary>
    /// The forest in compact layout, or null if a split is categorical, the keys or nodes are past the node fields'
    /// widths, a tree does not fit its region, or the regions would be mostly empty (trees this small are walked
    /// well enough by <see cref="CompiledForest"/>). The trees are those <see cref="CompiledForest"/> has checked.
    /// </summary>
    public static CompactForest? TryBuild(IReadOnlyList<RegressionTree> trees, int featureCount)
    {
        var space = (trees.Count + 1L) * RegionNodes;
        // Keys fit as RowKeys offsets exactly when they do as RowGroup indices: both are below 2 × featureCount.
        if (RowKeys.Size(featureCount) > CompactNode.KeyLimit
            || space > CompactNode.LeftLimit
            || trees.Count * RegionNodes > SpacePerNode * trees.Sum(tree => 2L * tree.NodeCount + 1)
            || trees.Any(tree => tree.CategoryLength.Any(words => words > 0)))
            return null;
        var length = (int)space;
        var placed = new CompactNode[length];
        var rowPlaced = new CompactNode[length];
        var values = new double[length];
        Array.Fill(values, -0.0);
        var roots = new int[trees.Count];
        var leafTrees = new List<(int Node, int Tree)>();
        var unsplit = new List<(int, int)>();
        placed[0] = rowPlaced[0] = new CompactNode(OrderedKey.Missing, 0, 0); // the parking node: no key goes right, Left is itself
        for (var t = 0; t < trees.Count; t++)
        {
            roots[t] = (t + 1) * RegionNodes;
            if (trees[t].NodeCount == 0)
            {
                placed[roots[t]] = default(CompactNode).AsLeaf(); // so that the running sum does not wait there
                values[roots[t]] = trees[t].LeafValue[0];
                unsplit.Add((t, roots[t]));
            }
            else if (!TryPlace(trees[t], featureCount, roots[t], placed, rowPlaced, values, node => leafTrees.Add((node, t))))
                return null;
        }

        var split = Enumerable.Range(0, trees.Count).Where(t => trees[t].NodeCount > 0).ToArray();
        var next = new int[trees.Count];
        for (var i = 0; i < split.Length; i++) next[split[i]] = i + Lanes < split.Length ? roots[split[i + Lanes]] : 0;
        // Rows: every tree leads to the next, and a tree with no split (or the parking node after the last) is stepped into.
        var nextInRow = Enumerable.Range(1, trees.Count).Select(t => t < trees.Count ? roots[t] : 0).ToArray();
        var stepsInto = Enumerable.Range(1, trees.Count).Select(t => t == trees.Count || trees[t].NodeCount == 0).ToArray();
        for (var t = 0; t < trees.Count; t++)
            if (trees[t].NodeCount == 0) rowPlaced[roots[t]] = GoLeftTo(nextInRow[t]);
        foreach (var (node, tree) in leafTrees)
        {
            placed[node] = placed[next[tree]].AsLeaf();
            rowPlaced[node] = stepsInto[tree] ? GoLeftTo(nextInRow[tree]) : rowPlaced[nextInRow[tree]];
        }
        var starts = Enumerable.Range(0, Lanes).Select(i => i < split.Length ? roots[split[i]] : 0).ToArray();
        var rowStart = trees.Count > 0 ? roots[0] : 0;
        return new CompactForest(
            new LineAlignedNodes(placed), new LineAlignedNodes(rowPlaced), values, starts, rowStart, unsplit.ToArray(), trees.Count);

        // No key is above the largest, so every key goes left: the first feature's is read (a forest with a split has one).
        static CompactNode GoLeftTo(int node) => new(OrderedKey.Missing, 0, node);
    }

    /// <summary>
    /// Places a tree's nodes from <paramref name="root"/> on: a line is filled breadth first, each node's children (a
    /// pair, left then right) beside it while two slots are free; a node whose children do not fit gets them at the
    /// start of a line of their own, in turn. Each node goes to both layouts at the same place, with the key each reads
    /// by. Leaves are left for the caller to link (<paramref name="leaf"/>). Returns false if the tree overflows its region.
    /// </summary>
    static bool TryPlace(RegressionTree tree, int featureCount, int root, CompactNode[] placed, CompactNode[] rowPlaced, double[] values, Action<int> leaf)
    {
        var end = root + RegionNodes;
        var free = root + 1;
        var lineEnd = root + LineAlignedNodes.LineNodes;
        var inLine = new Queue<(int Child, int Node)>();
        var deferred = new Queue<(int Child, int Node)>();
        inLine.Enqueue((0, root));
        while (true)
        {
            while (inLine.TryDequeue(out var item))
            {
                var (child, node) = item;
                if (child < 0)
                {
                    values[node] = tree.LeafValue[~child];
                    leaf(node);
                }
                else if (free + 2 <= lineEnd) PlaceChildren(child, node);
                else deferred.Enqueue(item);
            }
            if (!deferred.TryDequeue(out var first)) return true;
            free = lineEnd;
            lineEnd = free + LineAlignedNodes.LineNodes;
            if (lineEnd > end) return false;
            PlaceChildren(first.Child, first.Node);
        }

        // Writes the split of tree node `child` at `node`, its children at the next two free slots, queued in the line.
        void PlaceChildren(int child, int node)
        {
            var left = free;
            free += 2;
            var (feature, defaultLeft, threshold) = (tree.Feature[child], tree.DefaultLeft[child], OrderedKey.Of(tree.Threshold[child]));
            placed[node] = new CompactNode(threshold, RowKeys.KeyOffset(feature, defaultLeft, featureCount), left);
            rowPlaced[node] = new CompactNode(threshold, RowGroup.KeyIndex(feature, defaultLeft), left);
            inLine.Enqueue((tree.Left[child], left));
            inLine.Enqueue((tree.Right[child], left + 1));
        }
    }

    /// <summary>Adds tree t's leaf value to scores[t mod scores.Length], tree after tree, for the row whose <see cref="RowKeys"/> are <paramref name="keys"/>.</summary>
    /// <param name="slots"><see cref="SlotCount"/> of them.</param>
    public void AddScores(ReadOnlySpan<int> keys, Span<int> slots, Span<double> scores)
    {
        slots.Clear(); // every slot at the parking node, which is no leaf, until its tree's walk writes it
        var treeSlots = slots[1..];
        foreach (var (tree, leaf) in unsplit) treeSlots[tree] = leaf;
        // The running sum is of all trees in order, so it serves one score; with more, it is left unused.
        var sum = scores[0];
        var added = Walk(keys, slots, ref sum);
        if (scores.Length > 1) added = 0;
        else scores[0] = sum;
        CompiledForest.AddLeafValues(values, sizeof(double), treeSlots[added..], 1, treeCount - added, scores);
    }

    /// <summary>
    /// Adds every tree's leaf value to the one score of each of rows [start, start + count) of the matrix: eight rows
    /// at a time, each walking every tree in its own lane (see <see cref="everyTree"/>) and adding every node's value
    /// as it goes, which adds the leaf values in tree order (and −0s) with no pass over the leaves after.
    /// </summary>
    /// <param name="group">For the keys of <paramref name="featureCount"/> features (<see cref="RowGroup.Size"/>).</param>
    public void AddScores(FeatureMatrix matrix, int featureCount, int start, int count, Span<int> group, Span<double> scores)
    {
        Span<int> rowStarts = stackalloc int[Lanes];
        Span<double> sums = stackalloc double[Lanes];
        for (var first = 0; first < count; first += Lanes)
        {
            var rows = Math.Min(Lanes, count - first);
            RowGroup.WriteRows(matrix, featureCount, start + first, rows, group);
            for (var lane = 0; lane < Lanes; lane++) rowStarts[lane] = lane < rows ? rowStart : 0;
            for (var lane = 0; lane < rows; lane++) sums[lane] = scores[first + lane];
            WalkRows(rowStarts, group, sums);
            for (var lane = 0; lane < rows; lane++) scores[first + lane] = sums[lane];
        }
    }

    /// <summary>
    /// Walks <see cref="everyTree"/>'s eight lanes from <paramref name="rowStarts"/> until all are parked, lane i
    /// reading row i's keys and adding the values of the nodes it steps from to sums[i].
    /// </summary>
    /// <param name="group">The rows' keys (no node reads past them: checked when built).</param>
    [MethodImpl(MethodImplOptions.NoInlining)]
    void WalkRows(ReadOnlySpan<int> rowStarts, Span<int> group, Span<double> sums)
    {
        ref var first = ref everyTree.First;
        ref var key = ref MemoryMarshal.GetReference(group);
        ref var value = ref MemoryMarshal.GetArrayDataReference(values);
        nuint a = (uint)rowStarts[0], b = (uint)rowStarts[1], c = (uint)rowStarts[2], d = (uint)rowStarts[3];
        nuint e = (uint)rowStarts[4], f = (uint)rowStarts[5], g = (uint)rowStarts[6], h = (uint)rowStarts[7];
        double sa = sums[0], sb = sums[1], sc = sums[2], sd = sums[3], se = sums[4], sf = sums[5], sg = sums[6], sh = sums[7];
        while ((a | b | c | d | e | f | g | h) != 0)
        {
            a = RowStep(ref first, a, ref key, ref value, ref sa);
            b = RowStep(ref first, b, ref Unsafe.Add(ref key, 1), ref value, ref sb);
            c = RowStep(ref first, c, ref Unsafe.Add(ref key, 2), ref value, ref sc);
            d = RowStep(ref first, d, ref Unsafe.Add(ref key, 3), ref value, ref sd);
            e = RowStep(ref first, e, ref Unsafe.Add(ref key, 4), ref value, ref se);
            f = RowStep(ref first, f, ref Unsafe.Add(ref key, 5), ref value, ref sf);
            g = RowStep(ref first, g, ref Unsafe.Add(ref key, 6), ref value, ref sg);
            h = RowStep(ref first, h, ref Unsafe.Add(ref key, 7), ref value, ref sh);
            a = RowStep(ref first, a, ref key, ref value, ref sa);
            b = RowStep(ref first, b, ref Unsafe.Add(ref key, 1), ref value, ref sb);
            c = RowStep(ref first, c, ref Unsafe.Add(ref key, 2), ref value, ref sc);
            d = RowStep(ref first, d, ref Unsafe.Add(ref key, 3), ref value, ref sd);
            e = RowStep(ref first, e, ref Unsafe.Add(ref key, 4), ref value, ref se);
            f = RowStep(ref first, f, ref Unsafe.Add(ref key, 5), ref value, ref sf);
            g = RowStep(ref first, g, ref Unsafe.Add(ref key, 6), ref value, ref sg);
            h = RowStep(ref first, h, ref Unsafe.Add(ref key, 7), ref value, ref sh);
        }
        sums[0] = sa; sums[1] = sb; sums[2] = sc; sums[3] = sd; sums[4] = se; sums[5] = sf; sums[6] = sg; sums[7] = sh;
    }

    /// <summary>
    /// One step of a lane on from the node at <paramref name="offset"/>, adding the node's value to the lane's sum; the
    /// lane's keys of a feature's copies are <see cref="Lanes"/> apart.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static nuint RowStep(ref CompactNode first, nuint offset, ref int laneKeys, ref double values, ref double sum)
    {
        ref var node = ref Unsafe.Add(ref first, offset);
        sum += Unsafe.Add(ref values, offset);
        nuint word = node.Word;
        var key = Unsafe.Add(ref laneKeys, (nuint)(byte)word * Lanes);
        return (word >> CompactNode.LeftShift) + (nuint)Unsafe.BitCast<bool, byte>(key > node.Threshold);
    }

    /// <summary>
    /// Walks the eight lanes from <see cref="starts"/> until all are parked (see <see cref="CompiledForest"/>'s walk),
    /// adding leaf values to <paramref name="sum"/> in tree order as they are found. Returns how many trees it added.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    int Walk(ReadOnlySpan<int> keys, Span<int> slots, ref double sum)
    {
        ref var first = ref alone.First;
        ref var key = ref MemoryMarshal.GetReference(keys);
        ref var slot = ref MemoryMarshal.GetReference(slots);
        ref var value = ref MemoryMarshal.GetArrayDataReference(values);
        nuint a = (uint)starts[0], b = (uint)starts[1], c = (uint)starts[2], d = (uint)starts[3];
        nuint e = (uint)starts[4], f = (uint)starts[5], g = (uint)starts[6], h = (uint)starts[7];
        nuint next = 1; // the slot of the next tree to add
        var total = sum;
        // Two rounds per test of whether all lanes are parked, as in CompiledForest's walk, and a tree added (or −0)
        // after each. (Adding after every four steps measured slower.)
        while ((a | b | c | d | e | f | g | h) != 0)
        {
            a = Step(ref first, a, ref key, ref slot);
            b = Step(ref first, b, ref key, ref slot);
            c = Step(ref first, c, ref key, ref slot);
            d = Step(ref first, d, ref key, ref slot);
            e = Step(ref first, e, ref key, ref slot);
            f = Step(ref first, f, ref key, ref slot);
            g = Step(ref first, g, ref key, ref slot);
            h = Step(ref first, h, ref key, ref slot);
            AddNextLeaf(ref first, ref value, ref slot, ref next, ref total);
            a = Step(ref first, a, ref key, ref slot);
            b = Step(ref first, b, ref key, ref slot);
            c = Step(ref first, c, ref key, ref slot);
            d = Step(ref first, d, ref key, ref slot);
            e = Step(ref first, e, ref key, ref slot);
            f = Step(ref first, f, ref key, ref slot);
            g = Step(ref first, g, ref key, ref slot);
            h = Step(ref first, h, ref key, ref slot);
            AddNextLeaf(ref first, ref value, ref slot, ref next, ref total);
        }
        sum = total;
        return (int)next - 1;
    }

    /// <summary>
    /// Adds the next tree's leaf value to <paramref name="sum"/> and moves on to the tree after if the tree's walk is
    /// over (its slot holds a leaf); else adds the value of the node the slot holds, −0, which leaves any sum as it
    /// is, bit for bit. A tree is added only after those before it, so the additions are in tree order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void AddNextLeaf(ref CompactNode first, ref double values, ref int slots, ref nuint next, ref double sum)
    {
        var node = (nuint)(uint)Unsafe.Add(ref slots, next);
        sum += Unsafe.Add(ref values, node);
        next += (Unsafe.Add(ref first, node).Word >> CompactNode.LeafBit) & 1;
    }

    /// <summary>One step on from the node at <paramref name="offset"/>, writing the offset to its region's slot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static nuint Step(ref CompactNode first, nuint offset, ref int keys, ref int slots)
    {
        ref var node = ref Unsafe.Add(ref first, offset);
        Unsafe.Add(ref slots, offset >> RegionShift) = (int)offset;
        nuint word = node.Word;
        var key = Unsafe.Add(ref keys, (nuint)(byte)word);
        return (word >> CompactNode.LeftShift) + (nuint)Unsafe.BitCast<bool, byte>(key > node.Threshold);
    }
}
