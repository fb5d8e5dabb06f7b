using MlopsBuild.Learning.Metrics;

namespace MlopsBuild.Learning.Tests.Metrics;

public sealed class MetricValuesTests
{
    [Fact]
    public void Binary_values_in_report_order_with_their_directions()
    {
        var metrics = BinaryMetrics.Compute([1, 0, 1, 0], [0.8, 0.6, 0.4, 0.2]);

        var values = MetricValues.Of(metrics);

        Assert.Equal(["auc_roc", "auc_pr", "accuracy", "precision", "recall", "f1", "log_loss"], values.Select(value => value.Name));
        Assert.Equal(metrics.AucRoc, values[0].Value);
        Assert.Equal(metrics.LogLoss, values[6].Value);
        Assert.All(values.Take(6), value => Assert.Equal(MetricDirection.HigherIsBetter, value.Direction));
        Assert.Equal(MetricDirection.LowerIsBetter, values[6].Direction);
    }

    [Fact]
    public void Multiclass_and_regression_values()
    {
        var multiclass = MetricValues.Of(MulticlassMetrics.Compute([0, 1, 2], [1.0, 0, 0, 0, 1, 0, 0, 0, 1], classCount: 3));
        var regression = MetricValues.Of(RegressionMetrics.Compute([1, 2], [1.5, 2.5]));

        Assert.Equal(["accuracy", "macro_f1", "log_loss"], multiclass.Select(value => value.Name));
        Assert.Equal([1, 1], multiclass.Take(2).Select(value => value.Value));
        Assert.Equal(["rmse", "mae", "r2"], regression.Select(value => value.Name));
        Assert.Equal([0.5, 0.5, 0], regression.Select(value => value.Value));
        Assert.Equal(
            [MetricDirection.LowerIsBetter, MetricDirection.LowerIsBetter, MetricDirection.HigherIsBetter],
            regression.Select(value => value.Direction));
    }

    [Fact]
    public void Direction_by_name_for_gates()
    {
        Assert.Equal(MetricDirection.HigherIsBetter, MetricValues.DirectionOf("macro_f1"));
        Assert.Equal(MetricDirection.LowerIsBetter, MetricValues.DirectionOf("rmse"));

        var error = Assert.Throws<ArgumentException>(() => MetricValues.DirectionOf("AUC"));
        Assert.StartsWith("There is no metric called 'AUC': use one of accuracy, auc_pr, auc_roc, f1, log_loss, macro_f1, mae, precision, r2, recall, rmse.", error.Message);
    }
}
