using MlopsBuild.Data.Schema;
using MlopsBuild.Data.Statistics;

namespace MlopsBuild.Data.Tests.Statistics;

/// <summary>Summaries as statistics-file JSON, to compare every field (records compare lists by reference).</summary>
internal static class SummaryJson
{
    public static string Of(NumericSummary summary) =>
        StatisticsFile.ToJson(new DatasetStatistics(0, [new ColumnStatistics("x", ColumnType.Numeric, ColumnRole.Feature, summary, null)]));

    public static string Of(CategoricalSummary summary) =>
        StatisticsFile.ToJson(new DatasetStatistics(0, [new ColumnStatistics("x", ColumnType.Categorical, ColumnRole.Feature, null, summary)]));
}
