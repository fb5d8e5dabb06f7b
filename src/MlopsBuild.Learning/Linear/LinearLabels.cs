using System.Globalization;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Linear;

/// <summary>Checks labels before fitting and turns them into the targets the row losses compare with.</summary>
internal static class LinearLabels
{
    /// <summary>Fewer rows cannot give a mean and a spread to standardise with.</summary>
    public const int MinimumRows = 2;

    /// <exception cref="TrainingException">Too few rows, a label that is not finite or not a class index, or (for
    /// training) a class without rows or a constant regression target.</exception>
    public static void Check(TrainingData data, string role)
    {
        var training = role == "training";
        if (training && data.RowCount < MinimumRows)
            throw new TrainingException($"The linear trainer needs at least {MinimumRows} training rows, got {data.RowCount}. Provide more data.");
        var labels = data.Labels;
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (!float.IsFinite(label))
                throw new TrainingException($"The label is {Text(label)} at {role} row {i}; labels must be finite. Remove or fix the row.");
            if (data.Task != LearningTask.Regression && (label != MathF.Floor(label) || label < 0 || label >= data.ClassCount))
                throw new TrainingException(
                    $"The label is {Text(label)} at {role} row {i}, but a {data.Task} label must be a class index from 0 to {data.ClassCount - 1}.");
        }
        if (!training) return;
        if (data.Task == LearningTask.Regression)
        {
            if (labels.All(label => label == labels[0]))
                throw new TrainingException(
                    $"The label is {Text(labels[0])} on every training row, so there is nothing to learn. Check the label column.");
            return;
        }
        var counts = new int[data.ClassCount];
        foreach (var label in labels) counts[(int)label]++;
        var present = counts.Count(count => count > 0);
        if (present < 2)
            throw new TrainingException(
                $"Every training row has class {Array.FindIndex(counts, count => count > 0)}; a classifier needs at least two classes. Check the label column or the data split.");
        var absent = Array.FindIndex(counts, count => count == 0);
        if (absent >= 0)
            throw new TrainingException(
                $"Class {absent} of {data.ClassCount} has no training rows, so the linear model's intercept for it would diverge. " +
                "Make sure every class appears in the training data.");
    }

    /// <summary>
    /// The targets: the class index for classification; for regression the label standardised to mean 0 and spread 1
    /// (which leaves the optimum unchanged but makes the tolerance independent of the label's units).
    /// </summary>
    public static double[] Targets(TrainingData data, out double mean, out double scale)
    {
        var labels = data.Labels;
        var targets = new double[labels.Length];
        mean = 0;
        scale = 1;
        if (data.Task == LearningTask.Regression)
        {
            foreach (var label in labels) mean += label;
            mean /= labels.Length;
            double squares = 0;
            foreach (var label in labels) squares += (label - mean) * (label - mean);
            scale = Math.Sqrt(squares / labels.Length);
        }
        for (var i = 0; i < labels.Length; i++) targets[i] = (labels[i] - mean) / scale;
        return targets;
    }

    static string Text(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
