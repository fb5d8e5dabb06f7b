using System.Globalization;

namespace MlopsBuild.Data.Statistics;

/// <summary>The rules a loaded statistics file must follow beyond its JSON shape.</summary>
internal static class StatisticsDocumentCheck
{
    public static void ThrowIfInvalid(StatisticsDocument document, string source)
    {
        if (document.FormatVersion != StatisticsDocument.CurrentFormatVersion)
            throw new StatisticsFileException(
                $"{source}: statistics format version {document.FormatVersion} is not supported (this build reads version {StatisticsDocument.CurrentFormatVersion}); compute the statistics again");

        for (var i = 0; i < document.Columns.Count; i++)
        {
            var column = document.Columns[i];
            var problem = ProblemOf(column);
            if (problem is not null) throw new StatisticsFileException($"{source}: at $.columns[{i}] (\"{column.Name}\"): {problem}");
        }
    }

    static string? ProblemOf(ColumnStatistics column)
    {
        if ((column.Numeric is null) == (column.Categorical is null))
            return "exactly one of \"numeric\" and \"categorical\" must be given";
        if (column.Numeric is not { } numeric) return null;

        var expectedPercentiles = numeric.Count == 0 ? 0 : 101;
        if (numeric.Percentiles.Count != expectedPercentiles)
            return $"\"percentiles\" must hold {expectedPercentiles} values, found {numeric.Percentiles.Count}";
        // Drift reads them as a distribution function.
        var percentiles = numeric.Percentiles;
        for (var p = 0; p < percentiles.Count; p++)
            if (!double.IsFinite(percentiles[p]) || (p > 0 && percentiles[p] < percentiles[p - 1]))
                return $"\"percentiles\" must be finite and non-decreasing, found P{p} = {Text(percentiles[p])}" + (p > 0 ? $" after P{p - 1} = {Text(percentiles[p - 1])}" : "");
        var histogram = numeric.Histogram;
        if (histogram.Edges.Count != (histogram.Counts.Count == 0 ? 0 : histogram.Counts.Count + 1))
            return $"the histogram must have one edge more than counts, found {histogram.Edges.Count} edges and {histogram.Counts.Count} counts";
        return null;
    }

    static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
