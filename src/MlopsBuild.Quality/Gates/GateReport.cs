namespace MlopsBuild.Quality.Gates;

/// <summary>Every check of a candidate's gates; it passes when every check does.</summary>
public sealed record GateReport(IReadOnlyList<CheckResult> Checks)
{
    public bool Passed => Checks.All(c => c.Passed);

    public IReadOnlyList<CheckResult> Failures => Checks.Where(c => !c.Passed).ToList();
}
