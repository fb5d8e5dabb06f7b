using MlopsBuild.Learning;

namespace MlopsBuild.Quality.ModelCards;

/// <summary>Checks that a card's input holds together before anything is drawn from it.</summary>
internal static class ModelCardInputCheck
{
    /// <exception cref="ArgumentException">The outputs, labels and evaluation do not describe the same test rows and task.</exception>
    public static void Require(ModelCardInput input)
    {
        var task = input.Model.Task;
        var rows = input.TestLabels.Length;
        var perRow = task switch
        {
            LearningTask.BinaryClassification => 2,
            LearningTask.MulticlassClassification => input.Model.Predictor.ScoreCount,
            _ => 1,
        };
        if (input.TestOutputs.Length != (long)rows * perRow)
            throw new ArgumentException(
                $"The model card for {input.ModelName} {input.Version} got {input.TestOutputs.Length} test outputs for {rows} labels: a {CardText.Task(task)} model gives {perRow} per row; pass what BatchScorer.Predict returned for the same test rows.",
                nameof(input));
        if (input.Test.Rows != rows)
            throw new ArgumentException(
                $"The model card for {input.ModelName} {input.Version} got an evaluation of {input.Test.Rows} rows and {rows} test labels: pass the evaluation of the same test rows.",
                nameof(input));
        var evaluatedTask = input.Test.Binary is not null ? LearningTask.BinaryClassification
            : input.Test.Multiclass is not null ? LearningTask.MulticlassClassification
            : LearningTask.Regression;
        if (evaluatedTask != task)
            throw new ArgumentException(
                $"The model card for {input.ModelName} {input.Version} got {CardText.Task(evaluatedTask)} metrics for a {CardText.Task(task)} model: pass the candidate's own evaluation.",
                nameof(input));
    }
}
