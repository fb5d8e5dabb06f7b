using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>
/// <see cref="HistogramBuilder"/>'s pass for leaves with far-apart rows: two or four consecutive features of one word
/// of <see cref="BinnedDataset.Words"/>, so that a row's bins cost one cache line, not one per feature. The sums are
/// the column pass's: each feature's bins in row order.
/// </summary>
internal static class WordHistogramBuilder
{
    /// <summary>Whether the features are two or four consecutive features of one word.</summary>
    public static bool CanBuild(ReadOnlySpan<int> features) =>
        features.Length is 2 or BinnedDataset.FeaturesPerWord
        && features[^1] - features[0] == features.Length - 1
        && features[0] / BinnedDataset.FeaturesPerWord == features[^1] / BinnedDataset.FeaturesPerWord;

    /// <summary>Sums the features' bins (cleared by the caller); see <see cref="CanBuild"/>.</summary>
    public static void Build(BinnedDataset data, ReadOnlySpan<int> features, Span<HistogramBin> histogram, ReadOnlySpan<int> rows, ReadOnlySpan<GradientPair> ordered)
    {
        var words = data.Words[features[0] / BinnedDataset.FeaturesPerWord];
        var shift = 8 * (features[0] % BinnedDataset.FeaturesPerWord);
        ref var h0 = ref HistogramBuilder.Bin(histogram, data.HistogramOffsets[features[0]]);
        ref var h1 = ref HistogramBuilder.Bin(histogram, data.HistogramOffsets[features[1]]);
        if (features.Length == 2)
        {
            Build<TwoFeatures>(words, shift, ref h0, ref h1, ref h0, ref h0, rows, ordered);
            return;
        }
        ref var h2 = ref HistogramBuilder.Bin(histogram, data.HistogramOffsets[features[2]]);
        ref var h3 = ref HistogramBuilder.Bin(histogram, data.HistogramOffsets[features[3]]);
        Build<FourFeatures>(words, shift, ref h0, ref h1, ref h2, ref h3, rows, ordered);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Build<TCount>(uint[] words, int shift, ref HistogramBin h0, ref HistogramBin h1, ref HistogramBin h2, ref HistogramBin h3, ReadOnlySpan<int> rows, ReadOnlySpan<GradientPair> ordered)
        where TCount : IFeatureCount
    {
        // Unchecked indexing, as in HistogramBuilder: rows are the dataset's, and every byte of a word is a bin below its
        // feature's histogram length. With two features, h2 and h3 are not used.
        ref var wordAt = ref MemoryMarshal.GetArrayDataReference(words);
        ref var rowAt = ref MemoryMarshal.GetReference(rows);
        ref var pairAt = ref MemoryMarshal.GetReference(ordered);
        var prefetchEnd = RowPrefetch.End(rows);
        for (var i = 0; i < rows.Length; i++)
        {
            if (i < prefetchEnd) RowPrefetch.Fetch(ref Unsafe.Add(ref wordAt, Unsafe.Add(ref rowAt, i + RowPrefetch.Ahead)));
            var bins = Unsafe.Add(ref wordAt, Unsafe.Add(ref rowAt, i)) >> shift;
            var pair = HistogramBuilder.Pair(Unsafe.Add(ref pairAt, i));
            HistogramBuilder.Add(ref Unsafe.Add(ref h0, bins & 0xFF), pair);
            HistogramBuilder.Add(ref Unsafe.Add(ref h1, bins >> 8 & 0xFF), pair);
            if (TCount.Count == 2) continue;
            HistogramBuilder.Add(ref Unsafe.Add(ref h2, bins >> 16 & 0xFF), pair);
            HistogramBuilder.Add(ref Unsafe.Add(ref h3, bins >> 24), pair);
        }
    }
}
