namespace MlopsBuild.Data.Drift;

/// <summary>One measure of one column's drift; it signals drift when its value is above the threshold.</summary>
/// <param name="Name">One of <see cref="DriftMeasureNames"/>.</param>
public sealed record DriftMeasure(string Name, double Value, double Threshold)
{
    public bool Exceeded => Value > Threshold;
}
