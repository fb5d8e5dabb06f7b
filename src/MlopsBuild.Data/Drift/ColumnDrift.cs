namespace MlopsBuild.Data.Drift;

/// <summary>
/// A column's drift: numeric columns are measured with PSI and Kolmogorov–Smirnov, categorical and boolean ones with
/// Jensen–Shannon distance and L-infinity. The column has drifted when any measure exceeds its threshold.
/// </summary>
public sealed record ColumnDrift(string Column, IReadOnlyList<DriftMeasure> Measures)
{
    public bool Drifted => Measures.Any(measure => measure.Exceeded);
}
