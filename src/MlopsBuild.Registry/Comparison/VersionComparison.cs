using MlopsBuild.Registry.Versions;

namespace MlopsBuild.Registry.Comparison;

/// <summary>Two versions side by side, like <c>dvc metrics diff</c>: lineage, hyper-parameters and metrics with their deltas.</summary>
public sealed record VersionComparison(
    ModelVersion A,
    ModelVersion B,
    IReadOnlyList<ValueDifference> Lineage,
    IReadOnlyList<ValueDifference> Parameters,
    IReadOnlyList<MetricDifference> Metrics);

/// <summary>A named value in A and in B (null when absent on that side).</summary>
public sealed record ValueDifference(string Name, string? A, string? B)
{
    public bool Changed => !string.Equals(A, B, StringComparison.Ordinal);
}

/// <summary>A metric in A and in B; <see cref="Delta"/> is B − A when both have it.</summary>
public sealed record MetricDifference(string Name, double? A, double? B)
{
    public double? Delta => A is { } a && B is { } b ? b - a : null;
}
