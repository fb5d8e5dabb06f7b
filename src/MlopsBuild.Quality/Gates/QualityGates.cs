namespace MlopsBuild.Quality.Gates;

/// <summary>
/// Declares and evaluates the gates a candidate must pass. With <c>using static MlopsBuild.Quality.Gates.QualityGates;</c>
/// a build reads:
/// <code>
/// var report = Evaluate(context,
///     Metric.AucRoc &gt;= 0.85,
///     Metric.AucRoc.NoWorseThanChampion(by: 0.01),
///     Slice("region").Each(Metric.AucRoc &gt;= 0.80),
///     Invariant("application_date"),
///     Increasing("credit_score"),
///     Golden("tests/golden.verified.json"),
///     DataValidation());
/// </code>
/// </summary>
public static class QualityGates
{
    /// <summary>
    /// Runs every gate and lists every check. Every declaration is checked first, so a mistake throws before any check
    /// runs; after that nothing throws for the model's quality: a bad model gives failed checks, with reasons.
    /// </summary>
    /// <exception cref="GateDeclarationException">A gate names an unknown metric or column, has a bad setting, or the context is inconsistent.</exception>
    public static GateReport Evaluate(GateContext context, params Gate[] gates)
    {
        if (gates.Length == 0) throw new GateDeclarationException("No gate was declared: a candidate must be held to at least one");
        var run = new GateRun(context);
        foreach (var gate in gates) gate.Validate(run);
        return new GateReport(gates.SelectMany(gate => gate.Check(run)).ToList());
    }

    /// <summary>Per value of a categorical or boolean column; slices under <paramref name="minimumRows"/> test rows are skipped, and reported.</summary>
    public static ColumnSlices Slice(string column, int minimumRows = SliceGate.DefaultMinimumRows) => new(column, minimumRows);

    /// <summary>Every metric of the task may be worse than the champion's by at most <paramref name="by"/>.</summary>
    public static ChampionGate NoMetricWorseThanChampion(double by) => new(null, by);

    /// <summary>Changing <paramref name="column"/> changes no prediction by more than <paramref name="tolerance"/>.</summary>
    public static InvarianceGate Invariant(string column, double tolerance = InvarianceGate.DefaultTolerance) => new(column, tolerance);

    /// <summary>Raising <paramref name="column"/> (by <paramref name="step"/>, default one standard deviation) does not lower the score on at least <paramref name="share"/> of the rows.</summary>
    public static DirectionGate Increasing(string column, double? step = null, double share = DirectionGate.DefaultRequiredShare) =>
        new(column, increasing: true, step, share);

    /// <summary>Raising <paramref name="column"/> does not raise the score on at least <paramref name="share"/> of the rows.</summary>
    public static DirectionGate Decreasing(string column, double? step = null, double share = DirectionGate.DefaultRequiredShare) =>
        new(column, increasing: false, step, share);

    /// <summary>Predictions on the first <paramref name="rows"/> test rows match the approved file (path relative to the root directory).</summary>
    public static GoldenGate Golden(string verifiedPath, int rows = GoldenGate.DefaultRows, double tolerance = GoldenGate.DefaultTolerance) =>
        new(verifiedPath, rows, tolerance);

    /// <summary>The same run's data check passed.</summary>
    public static DataValidationGate DataValidation() => new();
}
