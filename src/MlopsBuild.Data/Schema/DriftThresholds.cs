namespace MlopsBuild.Data.Schema;

/// <summary>
/// Above these a column has drifted from its reference. Numeric columns use PSI and the Kolmogorov–Smirnov
/// statistic; categorical and boolean ones Jensen–Shannon distance and L-infinity (largest change of one category's share).
/// </summary>
public sealed record DriftThresholds
{
    public double Psi { get; init; } = 0.2;
    public double KolmogorovSmirnov { get; init; } = 0.1;
    public double JensenShannon { get; init; } = 0.1;
    public double LInfinity { get; init; } = 0.1;

    public static DriftThresholds Default { get; } = new();
}
