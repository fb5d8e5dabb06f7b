using MlopsBuild.Learning.Evaluation;
using MlopsBuild.Learning.Metrics;
using MlopsBuild.Quality.Gates;

namespace MlopsBuild.Quality.Tests.Gates;

public sealed class ThresholdGateTests
{
    static readonly GateContext Context = GateData.Context(GateData.Linear(GateData.Binary, x: 2.5, south: 0.5));

    static double TestAuc()
    {
        var test = GateData.Binary.Data.Select(GateData.TestRows);
        return ModelEvaluation.Of(Context.Candidate.Predictor, test).Binary!.AucRoc;
    }

    [Fact]
    public void A_floor_below_the_measured_metric_passes_with_the_value_in_the_reason()
    {
        var auc = TestAuc();
        var check = Assert.Single(QualityGates.Evaluate(Context, Metric.AucRoc >= auc - 0.01).Checks);
        Assert.True(check.Passed, check.Reason);
        Assert.Equal(CheckKinds.Threshold, check.Kind);
        Assert.Equal($"auc_roc ≥ {auc - 0.01}", check.Name);
        Assert.Equal(auc, check.Actual!.Value, 12);
        Assert.Contains($"on {GateData.TestRows.Length} test rows", check.Reason);
    }

    [Fact]
    public void A_floor_above_the_measured_metric_fails()
    {
        var check = Assert.Single(QualityGates.Evaluate(Context, Metric.AucRoc >= TestAuc() + 0.01).Checks);
        Assert.False(check.Passed);
        Assert.Contains(" < ", check.Reason);
    }

    [Fact]
    public void A_ceiling_holds_a_lower_is_better_metric()
    {
        var report = QualityGates.Evaluate(Context, Metric.LogLoss <= 0.9, Metric.LogLoss <= 0.05);
        Assert.True(report.Checks[0].Passed, report.Checks[0].Reason);
        Assert.False(report.Checks[1].Passed);
        Assert.False(report.Passed);
        Assert.Equal([report.Checks[1]], report.Failures);
    }

    [Fact]
    public void A_metric_by_name_is_the_same_as_the_named_member()
    {
        var report = QualityGates.Evaluate(Context, Metric.Named(MetricNames.AucPr) >= 0.5, Metric.AucPr >= 0.5);
        Assert.Equal(report.Checks[0], report.Checks[1]);
    }

    [Fact]
    public void A_regression_model_is_held_to_its_own_metrics()
    {
        var context = GateData.Context(GateData.Linear(GateData.Regression, x: 2.5, south: 0.5), GateData.Regression);
        var report = QualityGates.Evaluate(context, Metric.Rmse <= 0.7, Metric.R2 >= 0.9, Metric.Mae <= 0.1);
        Assert.True(report.Checks[0].Passed, report.Checks[0].Reason);
        Assert.True(report.Checks[1].Passed, report.Checks[1].Reason);
        Assert.False(report.Checks[2].Passed, report.Checks[2].Reason);
    }

    [Fact]
    public void Every_metric_of_a_task_can_be_gated()
    {
        // The gates know a task's metrics before evaluating; they must be exactly those the evaluation reports.
        var binary = QualityGates.Evaluate(Context, Metric.AucRoc >= 0, Metric.AucPr >= 0, Metric.Accuracy >= 0,
            Metric.Precision >= 0, Metric.Recall >= 0, Metric.F1 >= 0, Metric.LogLoss <= 100);
        var regression = QualityGates.Evaluate(GateData.Context(GateData.Linear(GateData.Regression, x: 1), GateData.Regression),
            Metric.Rmse <= 100, Metric.Mae <= 100, Metric.R2 >= -100);
        Assert.Equal(MetricValues.Of(new BinaryMetrics(1, 1, 0, 0, 0, 0, 0, 0, 0, 0.5, 0, 0, 0, 0)).Select(v => v.Name),
            binary.Checks.Select(c => c.Name.Split(' ')[0]));
        Assert.Equal(MetricValues.Of(new RegressionMetrics(1, 0, 0, 0)).Select(v => v.Name), regression.Checks.Select(c => c.Name.Split(' ')[0]));
        Assert.True(binary.Passed && regression.Passed);
    }
}
