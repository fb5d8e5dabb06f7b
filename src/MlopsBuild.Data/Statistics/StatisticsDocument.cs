namespace MlopsBuild.Data.Statistics;

/// <summary>The shape of a statistics file: the statistics with a format version to recognise older files.</summary>
internal sealed record StatisticsDocument(int FormatVersion, long Rows, IReadOnlyList<ColumnStatistics> Columns)
{
    public const int CurrentFormatVersion = 1;
}
