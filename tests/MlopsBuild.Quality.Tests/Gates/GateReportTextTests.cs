using MlopsBuild.Quality.Gates;

namespace MlopsBuild.Quality.Tests.Gates;

public sealed class GateReportTextTests
{
    static readonly GateReport Report = new(
    [
        new CheckResult(CheckKinds.Threshold, "auc_roc ≥ 0.85", true, "0.9 ≥ 0.85 on 400 test rows", 0.9, 0.85),
        new CheckResult(CheckKinds.Invariance, "predictions invariant to x", false, "3 of 400 test rows changed"),
    ]);

    [Fact]
    public void Every_check_is_a_line_marked_pass_or_fail()
    {
        Assert.Equal(["PASS auc_roc ≥ 0.85: 0.9 ≥ 0.85 on 400 test rows", "FAIL predictions invariant to x: 3 of 400 test rows changed"],
            GateReportText.Lines(Report));
    }

    [Fact]
    public void The_failure_message_lists_only_the_failed_checks()
    {
        Assert.Equal("1 of 2 checks failed: predictions invariant to x (3 of 400 test rows changed)", GateReportText.Failure(Report));
        Assert.Null(GateReportText.Failure(new GateReport([Report.Checks[0]])));
    }
}
