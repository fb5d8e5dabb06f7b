namespace MlopsBuild.Quality.Gates;

/// <summary>
/// One check of a gate, as reports and the registry show it: "auc_roc ≥ 0.85" passed with "0.8727 ≥ 0.85".
/// </summary>
/// <param name="Kind">threshold, champion, slice, invariance, direction, golden or data.</param>
/// <param name="Name">What was checked, readable on its own: "auc_roc ≥ 0.85", "region=north: auc_roc ≥ 0.80".</param>
/// <param name="Reason">Why it passed or failed, with the numbers: "0.8727 ≥ 0.85", "0.79 < 0.80 on 812 rows".</param>
/// <param name="Actual">The measured value, when there is one number.</param>
/// <param name="Expected">The bound it was held to, when there is one number.</param>
/// <param name="Slice">For a slice check: which slice, its size and the metric measured on it.</param>
public sealed record CheckResult(
    string Kind, string Name, bool Passed, string Reason, double? Actual = null, double? Expected = null, SliceOf? Slice = null);

/// <summary>The test rows of one value of a column, and the metric a slice check measured on them.</summary>
public sealed record SliceOf(string Column, string Value, int Rows, string Metric);
