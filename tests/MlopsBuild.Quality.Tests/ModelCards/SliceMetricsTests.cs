using MlopsBuild.Quality.Gates;
using MlopsBuild.Quality.ModelCards;

namespace MlopsBuild.Quality.Tests.ModelCards;

public class SliceMetricsTests
{
    [Fact]
    public void The_card_lists_every_measured_slice_and_leaves_out_skipped_ones_and_other_checks()
    {
        var report = new GateReport(
        [
            new CheckResult(CheckKinds.Threshold, "auc_roc ≥ 0.8", true, "0.9 ≥ 0.8", 0.9, 0.8),
            new CheckResult(CheckKinds.Slice, "region=north: auc_roc ≥ 0.8", false, "0.7 < 0.8 on 40 test rows", 0.7, 0.8,
                new SliceOf("region", "north", 40, "auc_roc")),
            new CheckResult(CheckKinds.Slice, "region=east: auc_roc ≥ 0.8", true, "skipped: 3 test rows", Expected: 0.8),
        ]);

        var slices = SliceMetrics.From(report);

        Assert.Equal([new SliceMetric("region", "north", 40, "auc_roc", 0.7)], slices);
    }
}
