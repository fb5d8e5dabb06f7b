using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>
/// The hot loop of training: gradient histograms of one leaf's rows. Up to four features are summed in one pass
/// over the rows, so each row's index and gradient pair are loaded once for four updates, and the four histograms'
/// read-modify-write chains overlap. Each feature's bins are still summed in row order, whatever the grouping.
/// When a leaf's rows lie far apart and its features share a word of <see cref="BinnedDataset.Words"/>, each row's
/// bins come from one cache line instead of one per feature (<see cref="WordHistogramBuilder"/>).
/// </summary>
internal static class HistogramBuilder
{
    public const int FeaturesPerPass = BinnedDataset.FeaturesPerWord;

    /// <summary>
    /// Rows at least this far apart on average (as far as prefetching starts) read their bins from
    /// <see cref="BinnedDataset.Words"/>. Rows g apart cost four columns about g/16 cache lines a row (four, once g
    /// reaches 64) and a word as many up to g = 16 but never more than one: from here on a word is never dearer in
    /// lines and takes one load a row instead of four. Cold depth-6 fits were faster with 8 than with 32.
    /// </summary>
    const int WordGap = 8;

    /// <param name="data">The binned training rows.</param>
    /// <param name="features">The features to sum (at most <see cref="FeaturesPerPass"/>).</param>
    /// <param name="histogram">The leaf's histogram; the features' bins are overwritten.</param>
    /// <param name="rows">The leaf's rows, ascending.</param>
    /// <param name="ordered">Their gradient pairs, in the same order.</param>
    public static void Build(BinnedDataset data, ReadOnlySpan<int> features, Span<HistogramBin> histogram, ReadOnlySpan<int> rows, ReadOnlySpan<GradientPair> ordered)
    {
        foreach (var j in features) histogram.Slice(data.HistogramOffsets[j], data.Bins[j].HistogramLength).Clear();
        // Consecutive rows (the root's, without row sampling) are read straight from the columns, from the first row on.
        if (LeafRowOrder.AreConsecutive(rows))
            Build<ConsecutiveRows>(data, features, histogram, rows, rows[0], ordered);
        else if (WordHistogramBuilder.CanBuild(features) && rows[^1] - rows[0] >= (long)WordGap * rows.Length)
            WordHistogramBuilder.Build(data, features, histogram, rows, ordered);
        else
            Build<ListedRows>(data, features, histogram, rows, 0, ordered);
    }

    static void Build<TRows>(BinnedDataset data, ReadOnlySpan<int> features, Span<HistogramBin> histogram, ReadOnlySpan<int> rows, int firstRow, ReadOnlySpan<GradientPair> ordered)
        where TRows : IRowIndex
    {
        if (features.Length is 2 or FeaturesPerPass)
        {
            BuildGroup<TRows>(data, features, histogram, rows, firstRow, ordered);
            return;
        }
        foreach (var j in features) BuildOne<TRows>(ref Column(data, j, firstRow), ref Bin(histogram, data.HistogramOffsets[j]), rows, ordered);
    }

    /// <summary>Which row the i-th of a leaf is, relative to the row its columns start at.</summary>
    interface IRowIndex
    {
        static abstract int Row(ref int rowAt, int i);
    }

    readonly struct ListedRows : IRowIndex
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Row(ref int rowAt, int i) => Unsafe.Add(ref rowAt, i);
    }

    readonly struct ConsecutiveRows : IRowIndex
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Row(ref int rowAt, int i) => i;
    }

    internal static ref HistogramBin Bin(Span<HistogramBin> histogram, int offset) =>
        ref Unsafe.Add(ref MemoryMarshal.GetReference(histogram), offset);

    static ref byte Column(BinnedDataset data, int feature, int firstRow) =>
        ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(data.Columns[feature]), firstRow);

    /// <summary>Sums two or four features in one pass over the rows.</summary>
    static void BuildGroup<TRows>(BinnedDataset data, ReadOnlySpan<int> features, Span<HistogramBin> histogram, ReadOnlySpan<int> rows, int firstRow, ReadOnlySpan<GradientPair> ordered)
        where TRows : IRowIndex
    {
        ref var h0 = ref Bin(histogram, data.HistogramOffsets[features[0]]);
        ref var h1 = ref Bin(histogram, data.HistogramOffsets[features[1]]);
        ref var c0 = ref Column(data, features[0], firstRow);
        ref var c1 = ref Column(data, features[1], firstRow);
        if (features.Length == 2)
        {
            BuildGroup<TRows, TwoFeatures>(ref h0, ref h1, ref h0, ref h0, ref c0, ref c1, ref c0, ref c0, rows, ordered);
            return;
        }
        ref var h2 = ref Bin(histogram, data.HistogramOffsets[features[2]]);
        ref var h3 = ref Bin(histogram, data.HistogramOffsets[features[3]]);
        ref var c2 = ref Column(data, features[2], firstRow);
        ref var c3 = ref Column(data, features[3], firstRow);
        BuildGroup<TRows, FourFeatures>(ref h0, ref h1, ref h2, ref h3, ref c0, ref c1, ref c2, ref c3, rows, ordered);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void BuildGroup<TRows, TCount>(ref HistogramBin h0, ref HistogramBin h1, ref HistogramBin h2, ref HistogramBin h3, ref byte c0, ref byte c1, ref byte c2, ref byte c3, ReadOnlySpan<int> rows, ReadOnlySpan<GradientPair> ordered)
        where TRows : IRowIndex
        where TCount : IFeatureCount
    {
        // Unchecked indexing: rows are the dataset's rows, each with a gradient pair in ordered, and a row's bin is below
        // its feature's histogram length. Without bounds checks every pointer of the loop stays in a register. With two
        // features, h2, h3, c2 and c3 are not used.
        ref var rowAt = ref MemoryMarshal.GetReference(rows);
        ref var pairAt = ref MemoryMarshal.GetReference(ordered);
        var prefetchEnd = RowPrefetch.End(rows);
        for (var i = 0; i < rows.Length; i++)
        {
            if (i < prefetchEnd)
            {
                var ahead = TRows.Row(ref rowAt, i + RowPrefetch.Ahead);
                RowPrefetch.Fetch(ref Unsafe.Add(ref c0, ahead));
                RowPrefetch.Fetch(ref Unsafe.Add(ref c1, ahead));
                if (TCount.Count == 4)
                {
                    RowPrefetch.Fetch(ref Unsafe.Add(ref c2, ahead));
                    RowPrefetch.Fetch(ref Unsafe.Add(ref c3, ahead));
                }
            }
            var row = TRows.Row(ref rowAt, i);
            var pair = Pair(Unsafe.Add(ref pairAt, i));
            Add(ref Unsafe.Add(ref h0, Unsafe.Add(ref c0, row)), pair);
            Add(ref Unsafe.Add(ref h1, Unsafe.Add(ref c1, row)), pair);
            if (TCount.Count == 2) continue;
            Add(ref Unsafe.Add(ref h2, Unsafe.Add(ref c2, row)), pair);
            Add(ref Unsafe.Add(ref h3, Unsafe.Add(ref c3, row)), pair);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void BuildOne<TRows>(ref byte bins, ref HistogramBin histogram, ReadOnlySpan<int> rows, ReadOnlySpan<GradientPair> ordered)
        where TRows : IRowIndex
    {
        // Unchecked indexing, as in BuildGroup.
        ref var rowAt = ref MemoryMarshal.GetReference(rows);
        ref var pairAt = ref MemoryMarshal.GetReference(ordered);
        var prefetchEnd = RowPrefetch.End(rows);
        for (var i = 0; i < rows.Length; i++)
        {
            if (i < prefetchEnd) RowPrefetch.Fetch(ref Unsafe.Add(ref bins, TRows.Row(ref rowAt, i + RowPrefetch.Ahead)));
            Add(ref Unsafe.Add(ref histogram, Unsafe.Add(ref bins, TRows.Row(ref rowAt, i))), Pair(Unsafe.Add(ref pairAt, i)));
        }
    }

    /// <summary>Adds a row to a bin: (gradient, hessian, 1, 0) in one 4-lane addition (the same sums as scalar ones).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Add(ref HistogramBin bin, Vector256<double> row)
    {
        ref var sums = ref Unsafe.As<HistogramBin, Vector256<double>>(ref bin);
        sums += row;
    }

    /// <summary>A row's addend: its gradient pair, then a count of one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Pair(in GradientPair pair) =>
        Vector256.Create(Unsafe.As<GradientPair, Vector128<double>>(ref Unsafe.AsRef(in pair)), Vector128.Create(1.0, 0.0));
}
