namespace MlopsBuild.Learning.Features;

/// <summary>
/// Featurized rows, stored column by column (as the tree learner bins and scans them). NaN marks a missing value.
/// </summary>
public sealed class FeatureMatrix
{
    public FeatureMatrix(IReadOnlyList<FeatureInfo> features, IReadOnlyList<float[]> columns)
    {
        if (features.Count != columns.Count)
            throw new ArgumentException($"{features.Count} features but {columns.Count} columns.", nameof(columns));
        var rows = columns.Count == 0 ? 0 : columns[0].Length;
        for (var i = 0; i < columns.Count; i++)
            if (columns[i].Length != rows)
                throw new ArgumentException($"Column {features[i].Name} has {columns[i].Length} rows, the first has {rows}.", nameof(columns));
        Features = features;
        Columns = columns;
        RowCount = rows;
    }

    public IReadOnlyList<FeatureInfo> Features { get; }

    /// <summary>One array per feature, each <see cref="RowCount"/> long.</summary>
    public IReadOnlyList<float[]> Columns { get; }

    public int RowCount { get; }

    public int FeatureCount => Features.Count;

    /// <summary>Copies one row's features into <paramref name="destination"/> (at least <see cref="FeatureCount"/> long).</summary>
    public void CopyRow(int row, Span<float> destination)
    {
        for (var j = 0; j < Columns.Count; j++) destination[j] = Columns[j][row];
    }

    /// <summary>The rows at <paramref name="rows"/>, in that order, as a new matrix.</summary>
    public FeatureMatrix Select(ReadOnlySpan<int> rows)
    {
        var columns = new float[Columns.Count][];
        for (var j = 0; j < columns.Length; j++)
        {
            var source = Columns[j];
            var column = new float[rows.Length];
            for (var i = 0; i < rows.Length; i++) column[i] = source[rows[i]];
            columns[j] = column;
        }
        return new FeatureMatrix(Features, columns);
    }
}
