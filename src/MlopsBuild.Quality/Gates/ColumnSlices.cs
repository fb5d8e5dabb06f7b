namespace MlopsBuild.Quality.Gates;

/// <summary>The slices of a column, waiting for their bounds: <c>Slice("region").Each(Metric.AucRoc &gt;= 0.80)</c>.</summary>
public sealed class ColumnSlices
{
    readonly string column;
    readonly int minimumRows;

    internal ColumnSlices(string column, int minimumRows)
    {
        this.column = column;
        this.minimumRows = minimumRows;
    }

    /// <summary>Every slice must meet every bound.</summary>
    public SliceGate Each(params ThresholdGate[] bounds) => new(column, bounds, minimumRows);
}
