namespace MlopsBuild.Data.Statistics;

public sealed record DatasetStatistics(long Rows, IReadOnlyList<ColumnStatistics> Columns)
{
    public ColumnStatistics? Find(string name) => Columns.FirstOrDefault(column => column.Name == name);
}
