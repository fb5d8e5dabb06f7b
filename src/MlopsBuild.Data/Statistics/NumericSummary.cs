namespace MlopsBuild.Data.Statistics;

/// <summary>
/// Statistics of a numeric, integer or date-time (as Unix seconds) column. Count, Missing, Min, Max, Mean and
/// StandardDeviation (population: divides by Count) are exact. When DistinctIsEstimate is false, so are Quantiles,
/// Percentiles and Histogram; otherwise they come from a sketch and each value is within 0.78% (relative) of a value of
/// the right rank, and histogram counts may shift between neighbouring bins. Min..StandardDeviation are NaN and the
/// lists empty when the column has no present values.
/// </summary>
/// <param name="Quantiles">"p01", "p05", "p25", "p50", "p75", "p95", "p99": the same values as in Percentiles.</param>
/// <param name="Percentiles">The 0th..100th percentiles (101 values), to compare distributions for drift.</param>
/// <param name="Histogram">20 equal-width bins between Min and Max.</param>
public sealed record NumericSummary(
    long Count,
    long Missing,
    double Min,
    double Max,
    double Mean,
    double StandardDeviation,
    IReadOnlyDictionary<string, double> Quantiles,
    IReadOnlyList<double> Percentiles,
    Histogram Histogram,
    long DistinctCount,
    bool DistinctIsEstimate)
{
    public static IReadOnlyList<int> QuantilePercentiles { get; } = [1, 5, 25, 50, 75, 95, 99];

    public static string QuantileKey(int percentile) => $"p{percentile:00}";
}
