namespace MlopsBuild.Quality.Gates;

/// <summary>A metric on the test rows held to a floor (≥) or a ceiling (≤). Declare it as <c>Metric.AucRoc &gt;= 0.85</c>.</summary>
public sealed class ThresholdGate : Gate
{
    internal ThresholdGate(string metric, bool atLeast, double bound)
    {
        Metric = metric;
        AtLeast = atLeast;
        Bound = bound;
    }

    public string Metric { get; }

    /// <summary>True for a floor (≥), false for a ceiling (≤).</summary>
    public bool AtLeast { get; }

    public double Bound { get; }

    public override string Name => $"{Metric} {(AtLeast ? "≥" : "≤")} {Numbers.Exact(Bound)}";

    internal override void Validate(GateRun run)
    {
        MetricDeclaration.Require(this, Metric, run.Task);
        MetricDeclaration.RequireFinite(this, Bound, "bound");
    }

    internal override IEnumerable<CheckResult> Check(GateRun run)
    {
        var evaluation = run.CandidateEvaluation;
        yield return Judge(CheckKinds.Threshold, Name, TaskMetrics.ValueOf(evaluation.Values, Metric), $" on {evaluation.Rows} test rows");
    }

    /// <summary>The check of one measured value against the bound; <paramref name="where"/> ends the reason.</summary>
    internal CheckResult Judge(string kind, string name, double value, string where)
    {
        var holds = AtLeast ? value >= Bound : value <= Bound; // false for NaN
        var relation = holds ? (AtLeast ? "≥" : "≤") : (AtLeast ? "<" : ">");
        var reason = double.IsNaN(value)
            ? $"{Metric} is undefined (NaN){where}"
            : $"{Numbers.Measured(value)} {relation} {Numbers.Exact(Bound)}{where}";
        return new CheckResult(kind, name, holds, reason, value, Bound);
    }
}
