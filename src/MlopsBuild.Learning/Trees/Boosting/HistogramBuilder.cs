using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>
/// The hot loop of training: gradient histograms of one leaf's rows. Up to four features are summed in one pass
/// over the rows, so each row's index and gradient pair are loaded once for four updates, and the four histograms'
/// read-modify-write chains overlap. Each feature's bins are still summed in row order, whatever the grouping.
/// </summary>
internal static class HistogramBuilder
{
    public const int FeaturesPerPass = 4;

    /// <param name="data">The binned training rows.</param>
    /// <param name="features">The features to sum (at most <see cref="FeaturesPerPass"/>).</param>
    /// <param name="histogram">The leaf's histogram; the features' bins are overwritten.</param>
    /// <param name="rows">The leaf's rows.</param>
    /// <param name="ordered">Their gradient pairs, in the same order.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Build(BinnedDataset data, ReadOnlySpan<int> features, HistogramBin[] histogram, ReadOnlySpan<int> rows, ReadOnlySpan<GradientPair> ordered)
    {
        foreach (var j in features) histogram.AsSpan(data.HistogramOffsets[j], data.Bins[j].HistogramLength).Clear();
        if (features.Length == FeaturesPerPass)
        {
            BuildFour(data, features, histogram, rows, ordered);
            return;
        }
        foreach (var j in features) BuildOne(data.Columns[j], ref Bin(histogram, data.HistogramOffsets[j]), rows, ordered);
    }

    static ref HistogramBin Bin(HistogramBin[] histogram, int offset) =>
        ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(histogram), offset);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void BuildFour(BinnedDataset data, ReadOnlySpan<int> features, HistogramBin[] histogram, ReadOnlySpan<int> rows, ReadOnlySpan<GradientPair> ordered)
    {
        // Unchecked indexing: rows are the dataset's rows, each with a gradient pair in ordered, and a row's bin is below
        // its feature's histogram length. Without bounds checks every pointer of the loop stays in a register.
        ref var h0 = ref Bin(histogram, data.HistogramOffsets[features[0]]);
        ref var h1 = ref Bin(histogram, data.HistogramOffsets[features[1]]);
        ref var h2 = ref Bin(histogram, data.HistogramOffsets[features[2]]);
        ref var h3 = ref Bin(histogram, data.HistogramOffsets[features[3]]);
        ref var c0 = ref MemoryMarshal.GetArrayDataReference(data.Columns[features[0]]);
        ref var c1 = ref MemoryMarshal.GetArrayDataReference(data.Columns[features[1]]);
        ref var c2 = ref MemoryMarshal.GetArrayDataReference(data.Columns[features[2]]);
        ref var c3 = ref MemoryMarshal.GetArrayDataReference(data.Columns[features[3]]);
        ref var rowAt = ref MemoryMarshal.GetReference(rows);
        ref var pairAt = ref MemoryMarshal.GetReference(ordered);
        var prefetchEnd = RowPrefetch.End(rows);
        for (var i = 0; i < rows.Length; i++)
        {
            if (i < prefetchEnd)
            {
                var ahead = Unsafe.Add(ref rowAt, i + RowPrefetch.Ahead);
                RowPrefetch.Fetch(ref Unsafe.Add(ref c0, ahead));
                RowPrefetch.Fetch(ref Unsafe.Add(ref c1, ahead));
                RowPrefetch.Fetch(ref Unsafe.Add(ref c2, ahead));
                RowPrefetch.Fetch(ref Unsafe.Add(ref c3, ahead));
            }
            var row = Unsafe.Add(ref rowAt, i);
            var pair = Pair(Unsafe.Add(ref pairAt, i));
            Add(ref Unsafe.Add(ref h0, Unsafe.Add(ref c0, row)), pair);
            Add(ref Unsafe.Add(ref h1, Unsafe.Add(ref c1, row)), pair);
            Add(ref Unsafe.Add(ref h2, Unsafe.Add(ref c2, row)), pair);
            Add(ref Unsafe.Add(ref h3, Unsafe.Add(ref c3, row)), pair);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void BuildOne(byte[] column, ref HistogramBin histogram, ReadOnlySpan<int> rows, ReadOnlySpan<GradientPair> ordered)
    {
        // Unchecked indexing, as in BuildFour.
        ref var bins = ref MemoryMarshal.GetArrayDataReference(column);
        ref var rowAt = ref MemoryMarshal.GetReference(rows);
        ref var pairAt = ref MemoryMarshal.GetReference(ordered);
        var prefetchEnd = RowPrefetch.End(rows);
        for (var i = 0; i < rows.Length; i++)
        {
            if (i < prefetchEnd) RowPrefetch.Fetch(ref Unsafe.Add(ref bins, Unsafe.Add(ref rowAt, i + RowPrefetch.Ahead)));
            Add(ref Unsafe.Add(ref histogram, Unsafe.Add(ref bins, Unsafe.Add(ref rowAt, i))), Pair(Unsafe.Add(ref pairAt, i)));
        }
    }

    /// <summary>Adds a row to a bin: (gradient, hessian, 1, 0) in one 4-lane addition (the same sums as scalar ones).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Add(ref HistogramBin bin, Vector256<double> row)
    {
        ref var sums = ref Unsafe.As<HistogramBin, Vector256<double>>(ref bin);
        sums += row;
    }

    /// <summary>A row's addend: its gradient pair, then a count of one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<double> Pair(in GradientPair pair) =>
        Vector256.Create(Unsafe.As<GradientPair, Vector128<double>>(ref Unsafe.AsRef(in pair)), Vector128.Create(1.0, 0.0));
}
