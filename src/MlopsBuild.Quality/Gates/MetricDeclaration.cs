using MlopsBuild.Core.Text;
using MlopsBuild.Learning;
using MlopsBuild.Learning.Metrics;

namespace MlopsBuild.Quality.Gates;

/// <summary>The declaration checks every metric gate shares.</summary>
internal static class MetricDeclaration
{
    /// <exception cref="GateDeclarationException">The metric does not exist, or the task has no such metric.</exception>
    public static void Require(Gate gate, string metric, LearningTask task)
    {
        var taskMetrics = TaskMetrics.Of(task);
        if (taskMetrics.Contains(metric)) return;
        try
        {
            MetricValues.DirectionOf(metric);
        }
        catch (ArgumentException)
        {
            var all = TaskMetrics.Of(LearningTask.BinaryClassification).Concat(TaskMetrics.Of(LearningTask.MulticlassClassification))
                .Concat(TaskMetrics.Of(LearningTask.Regression)).Distinct().ToArray();
            throw GateDeclarationException.For(gate,
                $"there is no metric called '{metric}'. Use one of {string.Join(", ", all)}.{ClosestMatch.Hint(metric, all)}");
        }
        throw GateDeclarationException.For(gate,
            $"the candidate is {TaskMetrics.Describe(task)}, which has no {metric}. Its metrics are {string.Join(", ", taskMetrics)}");
    }

    public static void RequireFinite(Gate gate, double value, string what)
    {
        if (!double.IsFinite(value))
            throw GateDeclarationException.For(gate, $"the {what} is {Numbers.Exact(value)}; give a finite number");
    }
}
