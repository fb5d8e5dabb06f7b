using MlopsBuild.Quality.Gates;

namespace MlopsBuild.Quality.ModelCards;

/// <summary>One metric on the test rows where <paramref name="Column"/> has the value <paramref name="Category"/>.</summary>
/// <param name="Metric">A metric name (see <c>MetricNames</c>), e.g. "auc_roc".</param>
public sealed record SliceMetric(string Column, string Category, long Rows, string Metric, double Value);

/// <summary>The slice table of a model card, from what the slice gates measured.</summary>
public static class SliceMetrics
{
    /// <summary>Every measured slice check of the report (skipped slices have no value and are left out), in report order.</summary>
    public static IReadOnlyList<SliceMetric> From(GateReport report) =>
        report.Checks
            .Where(c => c.Slice is not null && c.Actual is not null)
            .Select(c => new SliceMetric(c.Slice!.Column, c.Slice.Value, c.Slice.Rows, c.Slice.Metric, c.Actual!.Value))
            .ToList();
}
