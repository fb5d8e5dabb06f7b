using MlopsBuild.Learning.Metrics;

namespace MlopsBuild.Learning.Tests.Metrics;

public sealed class MulticlassMetricsTests
{
    [Fact]
    public void Confusion_matrix_and_per_class_scores_by_hand()
    {
        // Predicted (argmax): 0, 1, 1, 2, 2 for labels 0, 1, 2, 2, 0.
        double[] probabilities =
        [
            0.7, 0.2, 0.1,
            0.1, 0.8, 0.1,
            0.3, 0.4, 0.3,
            0.1, 0.1, 0.8,
            0.2, 0.3, 0.5,
        ];

        var metrics = MulticlassMetrics.Compute([0, 1, 2, 2, 0], probabilities, classCount: 3);

        long[][] confusion = [[1, 0, 1], [0, 1, 0], [0, 1, 1]];
        Assert.Equal(confusion, metrics.ConfusionMatrix);
        Assert.Equal(0.6, metrics.Accuracy);
        Assert.Equal([1, 0.5, 0.5], metrics.PerClassPrecision);
        Assert.Equal([0.5, 1, 0.5], metrics.PerClassRecall);
        Close.Equal(2.0 / 3, metrics.PerClassF1[0], "F1 of class 0");
        Close.Equal(2.0 / 3, metrics.PerClassF1[1], "F1 of class 1");
        Close.Equal(0.5, metrics.PerClassF1[2], "F1 of class 2");
        Close.Equal((2.0 / 3 + 2.0 / 3 + 0.5) / 3, metrics.MacroF1, "macro F1");
        Close.Equal(-(Math.Log(0.7) + Math.Log(0.8) + Math.Log(0.3) + Math.Log(0.8) + Math.Log(0.2)) / 5, metrics.LogLoss, "log loss");
    }

    [Fact]
    public void Equal_top_probabilities_predict_the_lowest_class()
    {
        var metrics = MulticlassMetrics.Compute([1, 2], [0.2, 0.4, 0.4, 0.5, 0.0, 0.5], classCount: 3);

        Assert.Equal(1, metrics.ConfusionMatrix[1][1]);
        Assert.Equal(1, metrics.ConfusionMatrix[2][0]);
    }

    [Fact]
    public void Rows_are_renormalised_before_the_log()
    {
        // 0.2 / (0.2 + 0.2 + 0.4) = ¼.
        var metrics = MulticlassMetrics.Compute([0], [0.2, 0.2, 0.4], classCount: 3);

        Close.Equal(Math.Log(4), metrics.LogLoss, "log loss");
    }
}
