using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>
/// Grows one tree leaf-wise (best-first): always splits the leaf whose best split reduces the loss most, until
/// MaxLeaves, MaxDepth or MinSamplesPerLeaf stop it. Each leaf's rows are a contiguous, ascending segment of
/// <see cref="LeafRowOrder"/>; a split partitions its segment stably, unless its children can split no further
/// (<see cref="UnpartedSplit"/>). Per split, only the smaller child's histogram is built from rows; the larger child's
/// is its parent's minus the smaller's.
/// </summary>
/// <remarks>
/// Determinism: each feature's histogram is summed by one thread in row order, and candidates are compared in
/// feature order, so the tree is the same bit for bit whatever the number of threads.
/// </remarks>
internal sealed class TreeGrower
{
    /// <summary>Below this many bin updates a histogram is built on the calling thread (a task costs more).</summary>
    const int ParallelWork = 1 << 15;


    readonly BinnedDataset data;
    readonly SplitRules rules;
    readonly int maxLeaves;
    readonly int maxDepth;
    readonly ParallelOptions parallel;
    readonly LeafRowOrder rows;
    readonly Stack<LeafHistogram> histogramPool = new();

    // Per leaf, for the tree being grown.
    readonly int[] leafStart;
    readonly int[] leafCount;
    readonly int[] leafDepth;
    readonly int[] leafParent;
    readonly LeafTotals[] leafTotals;
    readonly LeafHistogram?[] leafHistogram;
    readonly SplitCandidate[] leafBest;
    /// <summary>Per leaf, the split that made it when that split's rows were left unparted (see <see cref="UnpartedSplit"/>).</summary>
    readonly UnpartedSplit?[] leafUnparted;

    /// <summary>
    /// A split whose children can split no further (the tree's depth or leaf budget is reached): its rows are not
    /// parted, as no histogram needs them; both leaves keep the parent's segment, and a row's side is looked up when its
    /// leaf value is added to its score, or when <see cref="LeafRows"/> asks for one side.
    /// </summary>
    readonly record struct UnpartedSplit(byte[] Column, byte[] GoesLeft, int Left, int Right);

    public TreeGrower(BinnedDataset data, SplitRules rules, int maxLeaves, int maxDepth, ParallelOptions parallel)
    {
        this.data = data;
        this.rules = rules;
        this.maxLeaves = maxLeaves;
        this.maxDepth = maxDepth;
        this.parallel = parallel;
        rows = new LeafRowOrder(data.RowCount, parallel);
        leafStart = new int[maxLeaves];
        leafCount = new int[maxLeaves];
        leafDepth = new int[maxLeaves];
        leafParent = new int[maxLeaves];
        leafTotals = new LeafTotals[maxLeaves];
        leafHistogram = new LeafHistogram?[maxLeaves];
        leafBest = new SplitCandidate[maxLeaves];
        leafUnparted = new UnpartedSplit?[maxLeaves];
    }

    /// <summary>The rows of a leaf of the tree last grown (parting them from its sibling's first if that was left undone).</summary>
    public ReadOnlySpan<int> LeafRows(int leaf)
    {
        if (leafUnparted[leaf] is { } split)
        {
            var leftRows = rows.Partition(leafStart[split.Left], leafCount[split.Left], split.Column, split.GoesLeft, null);
            leafCount[split.Right] -= leftRows;
            leafStart[split.Right] += leftRows;
            leafCount[split.Left] = leftRows;
            leafUnparted[split.Left] = leafUnparted[split.Right] = null;
        }
        return rows.Rows(leafStart[leaf], leafCount[leaf]);
    }

    /// <summary>Adds each of the last tree's rows' leaf value to its score: scores[row × k + c] += leafValues[its leaf].</summary>
    public void AddLeafValues(double[] leafValues, double[] scores, int k, int c) =>
        // Leaves hold disjoint rows: they can be added in any order, on any thread.
        Parallel.For(0, leafValues.Length, parallel, leaf =>
        {
            var segment = rows.Rows(leafStart[leaf], leafCount[leaf]);
            var prefetchEnd = RowPrefetch.End(segment);
            if (leafUnparted[leaf] is not { } split)
            {
                var value = leafValues[leaf];
                for (var i = 0; i < segment.Length; i++)
                {
                    if (i < prefetchEnd) RowPrefetch.Fetch(ref scores[segment[i + RowPrefetch.Ahead] * k + c]);
                    scores[segment[i] * k + c] += value;
                }
                return;
            }
            if (leaf == split.Right) return; // the left leaf adds both sides of the shared segment
            // Indexed by the bin table's 0 (right) or 1 (left): no branch on a side that is often a coin flip.
            ReadOnlySpan<double> sides = [leafValues[split.Right], leafValues[split.Left]];
            var (column, goesLeft) = (split.Column, split.GoesLeft);
            for (var i = 0; i < segment.Length; i++)
            {
                if (i < prefetchEnd)
                {
                    var ahead = segment[i + RowPrefetch.Ahead];
                    RowPrefetch.Fetch(ref scores[ahead * k + c]);
                    RowPrefetch.Fetch(ref column[ahead]);
                }
                var row = segment[i];
                scores[row * k + c] += sides[goesLeft[column[row]]];
            }
        });

    /// <param name="gradients">Every training row's gradient pair.</param>
    /// <param name="bag">The rows this tree learns from, ascending.</param>
    /// <param name="features">The features it may split on, ascending.</param>
    /// <param name="learningRate">Folded into the leaf values.</param>
    public GrownTree Grow(GradientPair[] gradients, ReadOnlySpan<int> bag, int[] features, double learningRate)
    {
        var tree = new GrownTree();
        rows.Reset(bag);
        Array.Clear(leafUnparted);
        var leaves = 1;
        leafStart[0] = 0;
        leafCount[0] = bag.Length;
        leafDepth[0] = 0;
        leafParent[0] = -1;
        leafBest[0] = SplitCandidate.None;
        RootTotalsAndBest(gradients, features);

        while (leaves < maxLeaves && NextLeafToSplit(leaves) is var leaf and >= 0)
        {
            var split = leafBest[leaf];
            var node = tree.AddNode(split, data.Bins[split.Feature].MissingBin);
            if (leafParent[leaf] >= 0)
            {
                var parent = leafParent[leaf];
                if (tree.Left[parent] == ~leaf) tree.Left[parent] = node;
                else tree.Right[parent] = node;
            }
            var right = leaves++;
            var lastSplit = leaves == maxLeaves;
            if (!lastSplit && (maxDepth == 0 || leafDepth[leaf] + 1 < maxDepth))
            {
                // The children's histograms need the smaller one's gradient pairs, gathered as the rows are parted.
                var leftRows = rows.Partition(leafStart[leaf], leafCount[leaf], data.Columns[split.Feature], tree.LeftTables[node], gradients);
                leafStart[right] = leafStart[leaf] + leftRows;
                leafCount[right] = leafCount[leaf] - leftRows;
                leafCount[leaf] = leftRows;
            }
            else
            {
                leafUnparted[leaf] = leafUnparted[right] = new UnpartedSplit(data.Columns[split.Feature], tree.LeftTables[node], leaf, right);
                leafStart[right] = leafStart[leaf];
                leafCount[right] = leafCount[leaf];
            }
            leafDepth[leaf] = leafDepth[right] = leafDepth[leaf] + 1;
            leafParent[leaf] = leafParent[right] = node;
            leafTotals[right] = leafTotals[leaf].Minus(split.Left);
            leafTotals[leaf] = split.Left;
            tree.Left[node] = ~leaf;
            tree.Right[node] = ~right;
            SplitHistograms(leaf, right, features, lastSplit);
        }

        var values = new double[leaves];
        for (var l = 0; l < leaves; l++)
        {
            values[l] = rules.LeafValue(leafTotals[l].Gradient, leafTotals[l].Hessian) * learningRate;
            Return(l);
        }
        tree.LeafValues = values;
        return tree;
    }

    /// <summary>
    /// The root's totals and, if it can split, its histogram and best split. The totals are summed in row order on one
    /// thread, so they are the same bit for bit whatever the threads, but beside the histogram passes, not before them.
    /// </summary>
    void RootTotalsAndBest(GradientPair[] gradients, int[] features)
    {
        var histogram = CanSplit(0) ? Rent() : null;
        Parallel.Invoke(parallel,
            () => leafTotals[0] = Totals(gradients, LeafRows(0)),
            () =>
            {
                if (histogram is null) return;
                var ordered = rows.GradientsOf(gradients, 0, leafCount[0]);
                ForEachFeatureGroup(features, leafCount[0], (from, to) => BuildHistograms(features.AsSpan(from, to - from), 0, histogram, ordered.Span));
            });
        if (histogram is null) return;
        var best = new SplitCandidate[features.Length];
        for (var f = 0; f < features.Length; f++) best[f] = FindBest(histogram, features[f], leafTotals[0]);
        leafHistogram[0] = histogram;
        leafBest[0] = FirstBest(best);
    }

    static LeafTotals Totals(GradientPair[] gradients, ReadOnlySpan<int> rows)
    {
        double gradientSum = 0, hessianSum = 0;
        foreach (var row in rows)
        {
            gradientSum += gradients[row].Gradient;
            hessianSum += gradients[row].Hessian;
        }
        return new LeafTotals(gradientSum, hessianSum, rows.Length);
    }

    bool CanSplit(int leaf) =>
        leafCount[leaf] >= 2 * rules.MinSamplesPerLeaf && (maxDepth == 0 || leafDepth[leaf] < maxDepth);

    /// <summary>The leaf whose best split gains most (the lowest index on a tie), or −1 when no split is worth it.</summary>
    int NextLeafToSplit(int leaves)
    {
        var chosen = -1;
        var bestGain = rules.MinSplitGain;
        for (var l = 0; l < leaves; l++)
        {
            if (!leafBest[l].IsValid || !(leafBest[l].Gain > bestGain)) continue;
            chosen = l;
            bestGain = leafBest[l].Gain;
        }
        return chosen;
    }

    /// <summary>
    /// Histograms and best splits of the two children of a split: the smaller built from its rows and the gradient
    /// pairs the partition gathered, the larger by subtraction in the parent's histogram. Children that cannot split
    /// are given none.
    /// </summary>
    void SplitHistograms(int left, int right, int[] features, bool lastSplit)
    {
        var parentHistogram = leafHistogram[left]!;
        leafHistogram[left] = null;
        leafBest[left] = leafBest[right] = SplitCandidate.None;
        var splitLeft = !lastSplit && CanSplit(left);
        var splitRight = !lastSplit && CanSplit(right);
        if (!splitLeft && !splitRight)
        {
            histogramPool.Push(parentHistogram);
            return;
        }
        var (small, large) = leafCount[left] <= leafCount[right] ? (left, right) : (right, left);
        var smallHistogram = Rent();
        var smallBest = new SplitCandidate[features.Length];
        var largeBest = new SplitCandidate[features.Length];
        var (splitSmall, splitLarge) = small == left ? (splitLeft, splitRight) : (splitRight, splitLeft);
        ForEachFeatureGroup(features, leafCount[small], (from, to) =>
        {
            BuildHistograms(features.AsSpan(from, to - from), small, smallHistogram, rows.GatheredSmallerSide(leafCount[small]));
            for (var f = from; f < to; f++)
            {
                var j = features[f];
                var offset = data.HistogramOffsets[j];
                var length = data.Bins[j].HistogramLength;
                Subtract(parentHistogram.Bins.Slice(offset, length), smallHistogram.Bins.Slice(offset, length));
                smallBest[f] = splitSmall ? FindBest(smallHistogram, j, leafTotals[small]) : SplitCandidate.None;
                largeBest[f] = splitLarge ? FindBest(parentHistogram, j, leafTotals[large]) : SplitCandidate.None;
            }
        });
        leafHistogram[small] = smallHistogram;
        leafHistogram[large] = parentHistogram;
        leafBest[small] = FirstBest(smallBest);
        leafBest[large] = FirstBest(largeBest);
        if (!leafBest[small].IsValid) Return(small);
        if (!leafBest[large].IsValid) Return(large);
    }

    SplitCandidate FindBest(LeafHistogram histogram, int feature, LeafTotals totals) =>
        SplitFinder.Best(histogram.Bins.Slice(data.HistogramOffsets[feature], data.Bins[feature].HistogramLength), data.Bins[feature], feature, totals, rules);

    static SplitCandidate FirstBest(SplitCandidate[] perFeature)
    {
        var best = SplitCandidate.None;
        foreach (var candidate in perFeature)
            if (candidate.Gain > best.Gain) best = candidate;
        return best;
    }

    /// <summary>
    /// Runs <paramref name="body"/>(from, to) over the features in the groups of <see cref="FeatureGroups"/>, which the
    /// histogram builder sums in one pass each.
    /// </summary>
    void ForEachFeatureGroup(int[] features, int rowCount, Action<int, int> body)
    {
        var bounds = FeatureGroups.Bounds(features.Length, parallel.MaxDegreeOfParallelism);
        var groups = bounds.Length - 1;
        void Group(int g) => body(bounds[g], bounds[g + 1]);
        if ((long)features.Length * rowCount < ParallelWork || parallel.MaxDegreeOfParallelism == 1)
            for (var g = 0; g < groups; g++) Group(g);
        else
            Parallel.For(0, groups, parallel, Group);
    }

    void BuildHistograms(ReadOnlySpan<int> features, int leaf, LeafHistogram histogram, ReadOnlySpan<GradientPair> ordered) =>
        HistogramBuilder.Build(data, features, histogram.Bins, LeafRows(leaf), ordered);

    static void Subtract(Span<HistogramBin> parent, ReadOnlySpan<HistogramBin> child)
    {
        var sums = MemoryMarshal.Cast<HistogramBin, Vector256<double>>(parent);
        var minus = MemoryMarshal.Cast<HistogramBin, Vector256<double>>(child);
        for (var b = 0; b < sums.Length; b++) sums[b] -= minus[b];
    }

    LeafHistogram Rent() => histogramPool.TryPop(out var histogram) ? histogram : new LeafHistogram(data.HistogramLength);

    void Return(int leaf)
    {
        if (leafHistogram[leaf] is { } histogram) histogramPool.Push(histogram);
        leafHistogram[leaf] = null;
    }
}
