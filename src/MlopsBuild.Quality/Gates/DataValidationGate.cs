namespace MlopsBuild.Quality.Gates;

/// <summary>The same run's data check passed: no error among the anomalies (drift is one when the schema fails on drift).</summary>
public sealed class DataValidationGate : Gate
{
    internal DataValidationGate()
    {
    }

    public override string Name => "data validation passed";

    internal override void Validate(GateRun run)
    {
        if (run.Context.DataValidation is null)
            throw GateDeclarationException.For(this,
                "the context has no data check result: set GateContext.DataValidation = DataValidationFile.Load(\"artifacts/data/validation.json\")");
    }

    internal override IEnumerable<CheckResult> Check(GateRun run)
    {
        var outcome = run.Context.DataValidation!;
        var counts = $"{Count(outcome.Errors, "error")}, {Count(outcome.Warnings, "warning")}";
        var drift = outcome.Drift switch
        {
            null => "drift not checked (no reference statistics)",
            { DatasetDrifted: true } d => $"drifted: {d.DriftedColumns} of {d.ComparedColumns} columns ({string.Join(", ", d.DriftedColumnNames)}), more than the allowed {Numbers.Percent(d.ShareThreshold)}",
            var d => $"no drift: {d.DriftedColumns} of {d.ComparedColumns} columns drifted, within the allowed {Numbers.Percent(d.ShareThreshold)}",
        };
        var firstError = outcome.Problems.FirstOrDefault(p => p.Severity == "error");
        var reason = outcome.Passed || firstError is null ? $"{counts}; {drift}" : $"{counts}, the first: {firstError.Description}; {drift}";
        yield return new CheckResult(CheckKinds.Data, Name, outcome.Passed, reason, outcome.Errors, 0);
    }

    static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
