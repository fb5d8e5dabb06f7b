namespace MlopsBuild.Quality.Gates;

/// <summary>A gate report as console lines and as the one message a failed TestModel target gives.</summary>
public static class GateReportText
{
    /// <summary>One line per check: "PASS auc_roc ≥ 0.85: 0.8727 ≥ 0.85 on 2000 test rows".</summary>
    public static IEnumerable<string> Lines(GateReport report) =>
        report.Checks.Select(c => $"{(c.Passed ? "PASS" : "FAIL")} {c.Name}: {c.Reason}");

    /// <summary>"2 of 10 checks failed: name (reason); name (reason)", or null when the report passed.</summary>
    public static string? Failure(GateReport report)
    {
        var failures = report.Failures;
        if (failures.Count == 0) return null;
        return $"{failures.Count} of {report.Checks.Count} checks failed: {string.Join("; ", failures.Select(f => $"{f.Name} ({f.Reason})"))}";
    }
}
