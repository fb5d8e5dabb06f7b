using MlopsBuild.Learning.Metrics;

namespace MlopsBuild.Quality.Gates;

/// <summary>
/// The candidate against the champion on the same test rows, held out from both (<see cref="ChampionRows"/>): a metric
/// may be worse by at most the tolerance, in its worse direction (<see cref="MetricValues.DirectionOf"/>). Without a
/// champion every check passes ("no champion yet").
/// </summary>
public sealed class ChampionGate : Gate
{
    /// <param name="metrics">The metrics compared; null: every metric of the task.</param>
    internal ChampionGate(IReadOnlyList<string>? metrics, double tolerance)
    {
        Metrics = metrics;
        Tolerance = tolerance;
    }

    /// <summary>Null: every metric of the candidate's task.</summary>
    public IReadOnlyList<string>? Metrics { get; }

    public double Tolerance { get; }

    public override string Name =>
        $"{(Metrics is null ? "every metric" : string.Join(", ", Metrics))} no worse than the champion's by more than {Numbers.Exact(Tolerance)}";

    internal override void Validate(GateRun run)
    {
        foreach (var metric in Metrics ?? []) MetricDeclaration.Require(this, metric, run.Task);
        if (!(Tolerance >= 0 && double.IsFinite(Tolerance)))
            throw GateDeclarationException.For(this, $"the tolerance is {Numbers.Exact(Tolerance)}; give a number ≥ 0 (0: no regression at all)");
    }

    internal override IEnumerable<CheckResult> Check(GateRun run)
    {
        var champion = run.Champion;
        foreach (var metric in Metrics ?? TaskMetrics.Of(run.Task))
        {
            var name = $"{metric} no worse than the champion's by more than {Numbers.Exact(Tolerance)}";
            var candidate = TaskMetrics.ValueOf(run.CandidateEvaluation.Values, metric);
            if (!champion.Exists)
                yield return new CheckResult(CheckKinds.Champion, name, true, "no champion yet", candidate);
            else if (champion.Evaluation is null)
                yield return new CheckResult(CheckKinds.Champion, name, false, $"not comparable: {champion.Incomparable}", candidate);
            else
                yield return Compare(name, metric, TaskMetrics.ValueOf(champion.Candidate!.Values, metric),
                    TaskMetrics.ValueOf(champion.Evaluation.Values, metric), champion.Rows!.Description);
        }
    }

    CheckResult Compare(string name, string metric, double candidate, double champion, string rows)
    {
        var higherIsBetter = MetricValues.DirectionOf(metric) == MetricDirection.HigherIsBetter;
        var bound = higherIsBetter ? champion - Tolerance : champion + Tolerance;
        var passed = higherIsBetter ? candidate >= bound : candidate <= bound; // false when either is NaN
        var verdict = candidate == champion ? "the same"
            : (candidate > champion) == higherIsBetter ? "better"
            : passed ? "worse, within the tolerance" : "worse, beyond the tolerance";
        var reason = $"{Numbers.Measured(candidate)} vs the champion's {Numbers.Measured(champion)} ({Numbers.Signed(candidate - champion)}, {verdict}; {(higherIsBetter ? "at least" : "at most")} {Numbers.Measured(bound)} allowed) on {rows}";
        return new CheckResult(CheckKinds.Champion, name, passed, reason, candidate, bound);
    }
}
