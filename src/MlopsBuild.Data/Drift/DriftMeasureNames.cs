namespace MlopsBuild.Data.Drift;

/// <summary>The names of drift measures in reports and files.</summary>
public static class DriftMeasureNames
{
    public const string PopulationStabilityIndex = "psi";
    public const string KolmogorovSmirnov = "ks";
    public const string JensenShannon = "jensen_shannon";
    public const string LInfinity = "l_infinity";
}
