namespace MlopsBuild.Quality.ModelCards;

/// <summary>One metric on the test rows where <paramref name="Column"/> has the value <paramref name="Category"/>.</summary>
/// <param name="Metric">A metric name (see <c>MetricNames</c>), e.g. "auc_roc".</param>
public sealed record SliceMetric(string Column, string Category, long Rows, string Metric, double Value);
