using MlopsBuild.Learning;
using MlopsBuild.Learning.Metrics;

namespace MlopsBuild.Quality.Gates;

/// <summary>
/// The metrics each task has, in the order <see cref="MetricValues"/> lists them: known before anything is evaluated,
/// so a gate on a metric the task lacks fails before any check runs.
/// </summary>
internal static class TaskMetrics
{
    public static IReadOnlyList<string> Of(LearningTask task) => task switch
    {
        LearningTask.BinaryClassification =>
            [MetricNames.AucRoc, MetricNames.AucPr, MetricNames.Accuracy, MetricNames.Precision, MetricNames.Recall, MetricNames.F1, MetricNames.LogLoss],
        LearningTask.MulticlassClassification => [MetricNames.Accuracy, MetricNames.MacroF1, MetricNames.LogLoss],
        _ => [MetricNames.Rmse, MetricNames.Mae, MetricNames.R2],
    };

    public static string Describe(LearningTask task) => task switch
    {
        LearningTask.BinaryClassification => "a binary classifier",
        LearningTask.MulticlassClassification => "a multiclass classifier",
        _ => "a regression model",
    };

    public static double ValueOf(IReadOnlyList<MetricValue> values, string name) => values.First(v => v.Name == name).Value;
}
