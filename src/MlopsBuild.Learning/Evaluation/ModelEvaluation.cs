using MlopsBuild.Learning.Metrics;
using MlopsBuild.Learning.Prediction;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Evaluation;

/// <summary>A model's metrics on one set of labelled rows; exactly one of the three metric records is set, by task.</summary>
public sealed record ModelEvaluation(
    int Rows,
    BinaryMetrics? Binary,
    MulticlassMetrics? Multiclass,
    RegressionMetrics? Regression)
{
    /// <summary>The task's headline metrics by name, in report order.</summary>
    public IReadOnlyList<MetricValue> Values =>
        Binary is not null ? MetricValues.Of(Binary)
        : Multiclass is not null ? MetricValues.Of(Multiclass)
        : MetricValues.Of(Regression!);

    /// <summary>Scores every row (in parallel) and computes the task's metrics; <paramref name="threshold"/> is binary only.</summary>
    public static ModelEvaluation Of(Predictor predictor, TrainingData data, double threshold = 0.5, int threads = 0)
    {
        var outputs = BatchScorer.Predict(predictor, data.Features, threads);
        switch (data.Task)
        {
            case LearningTask.BinaryClassification:
                var positive = new double[data.RowCount];
                for (var row = 0; row < positive.Length; row++) positive[row] = outputs[row * 2 + 1];
                return new(data.RowCount, BinaryMetrics.Compute(data.Labels, positive, threshold), null, null);
            case LearningTask.MulticlassClassification:
                return new(data.RowCount, null, MulticlassMetrics.Compute(data.Labels, outputs, data.ClassCount), null);
            default:
                return new(data.RowCount, null, null, RegressionMetrics.Compute(data.Labels, outputs));
        }
    }
}
