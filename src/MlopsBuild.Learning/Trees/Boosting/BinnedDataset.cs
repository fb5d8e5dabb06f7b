using MlopsBuild.Learning.Features;

namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>
/// The training features as byte bins, column-major and, for leaves with far-apart rows, also four features to a
/// word per row; with each feature's place in a leaf histogram.
/// </summary>
internal sealed class BinnedDataset
{
    public const int FeaturesPerWord = 4;

    BinnedDataset(FeatureBins[] bins, byte[][] columns, uint[][] words, int rowCount)
    {
        Bins = bins;
        Columns = columns;
        Words = words;
        RowCount = rowCount;
        HistogramOffsets = new int[bins.Length + 1];
        for (var j = 0; j < bins.Length; j++) HistogramOffsets[j + 1] = HistogramOffsets[j] + bins[j].HistogramLength;
    }

    public FeatureBins[] Bins { get; }

    /// <summary>Per feature, each row's bin.</summary>
    public byte[][] Columns { get; }

    /// <summary>
    /// Per group g of four features (4g … 4g + 3), each row's four bins in one word, feature 4g's in the low byte
    /// (0 past the last feature). A leaf whose rows lie far apart reads one cache line per row for four features.
    /// </summary>
    public uint[][] Words { get; }

    public int RowCount { get; }

    public int FeatureCount => Bins.Length;

    /// <summary>Where feature j's bins start in a leaf histogram; the last entry is the histogram's length.</summary>
    public int[] HistogramOffsets { get; }

    public int HistogramLength => HistogramOffsets[^1];

    /// <summary>Bins every feature (one feature per task; each result is the same whatever the thread count).</summary>
    public static BinnedDataset Create(FeatureMatrix matrix, int maxBins, ParallelOptions parallel)
    {
        var sample = BinBoundaries.SampleRowIndices(matrix.RowCount);
        var bins = new FeatureBins[matrix.FeatureCount];
        var columns = new byte[matrix.FeatureCount][];
        Parallel.For(0, matrix.FeatureCount, parallel, j =>
        {
            var info = matrix.Features[j];
            var values = matrix.Columns[j];
            var featureBins = info.Kind == FeatureKind.Categorical
                ? BinBoundaries.Categorical(values, info.CategoryCount, maxBins)
                : BinBoundaries.Numeric(info.Kind, values, sample, maxBins);
            bins[j] = featureBins;
            columns[j] = featureBins.BinAll(values);
        });
        var words = new uint[(matrix.FeatureCount + FeaturesPerWord - 1) / FeaturesPerWord][];
        Parallel.For(0, words.Length, parallel, g => words[g] = Interleave(columns.AsSpan(g * FeaturesPerWord, Math.Min(FeaturesPerWord, columns.Length - g * FeaturesPerWord)), matrix.RowCount));
        return new BinnedDataset(bins, columns, words, matrix.RowCount);
    }

    static uint[] Interleave(ReadOnlySpan<byte[]> group, int rowCount)
    {
        var words = new uint[rowCount];
        for (var k = 0; k < group.Length; k++)
        {
            var column = group[k];
            var shift = 8 * k;
            for (var row = 0; row < rowCount; row++) words[row] |= (uint)column[row] << shift;
        }
        return words;
    }

    /// <summary>Whether feature j can split anything: its rows fall in at least two bins.</summary>
    public bool IsUsable(int j)
    {
        var column = Columns[j];
        if (column.Length == 0) return false;
        var first = column[0];
        foreach (var bin in column)
            if (bin != first) return true;
        return false;
    }
}
