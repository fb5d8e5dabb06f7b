using MlopsBuild.Learning.Features;

namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>The training features as byte bins, column-major, with each feature's place in a leaf histogram.</summary>
internal sealed class BinnedDataset
{
    BinnedDataset(FeatureBins[] bins, byte[][] columns, int rowCount)
    {
        Bins = bins;
        Columns = columns;
        RowCount = rowCount;
        HistogramOffsets = new int[bins.Length + 1];
        for (var j = 0; j < bins.Length; j++) HistogramOffsets[j + 1] = HistogramOffsets[j] + bins[j].HistogramLength;
    }

    public FeatureBins[] Bins { get; }

    /// <summary>Per feature, each row's bin.</summary>
    public byte[][] Columns { get; }

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
        return new BinnedDataset(bins, columns, matrix.RowCount);
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
