using System.Globalization;
using MlopsBuild.Learning.Prediction;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Linear;

/// <summary>
/// The fitted model's loss on validation rows, for the log. A linear model is the optimum of a convex problem, so
/// there is nothing to stop early; the validation set only reports how well the optimum generalises.
/// </summary>
internal static class LinearValidation
{
    public static string Describe(LinearModel model, TrainingData validation)
    {
        var k = model.ScoreCount;
        var scores = new double[validation.RowCount * k];
        model.ScoreRows(validation.Features, 0, validation.RowCount, scores);
        var probabilities = new double[Math.Max(k, 2)];
        double total = 0;
        for (var i = 0; i < validation.RowCount; i++)
        {
            var label = validation.Labels[i];
            var rowScores = scores.AsSpan(i * k, k);
            if (model.Task == LearningTask.Regression)
            {
                total += (rowScores[0] - label) * (rowScores[0] - label);
                continue;
            }
            ScoreTransform.ToOutput(model.Task, rowScores, probabilities);
            total -= Math.Log(Math.Max(probabilities[(int)label], 1e-15));
        }
        var mean = total / Math.Max(validation.RowCount, 1);
        return model.Task == LearningTask.Regression
            ? string.Create(CultureInfo.InvariantCulture, $"RMSE {Math.Sqrt(mean):G6} on {validation.RowCount} rows")
            : string.Create(CultureInfo.InvariantCulture, $"log-loss {mean:G6} on {validation.RowCount} rows");
    }
}
