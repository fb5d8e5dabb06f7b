namespace MlopsBuild.Learning.Prediction;

/// <summary>Turns raw scores into what users read: a probability per class, or the regression value.</summary>
public static class ScoreTransform
{
    /// <summary>
    /// Binary: [P(class 0), P(class 1)] from the log-odds. Multiclass: softmax. Regression: the score itself.
    /// <paramref name="output"/> holds 2, K or 1 values.
    /// </summary>
    public static void ToOutput(LearningTask task, ReadOnlySpan<double> scores, Span<double> output)
    {
        switch (task)
        {
            case LearningTask.BinaryClassification:
                var positive = Sigmoid(scores[0]);
                output[0] = 1 - positive;
                output[1] = positive;
                break;
            case LearningTask.MulticlassClassification:
                Softmax(scores, output);
                break;
            default:
                output[0] = scores[0];
                break;
        }
    }

    /// <summary>Values per row <see cref="ToOutput"/> writes.</summary>
    public static int OutputCount(LearningTask task, int scoreCount) =>
        task == LearningTask.BinaryClassification ? 2 : scoreCount;

    public static double Sigmoid(double score) => 1.0 / (1.0 + Math.Exp(-score));

    /// <summary>Softmax, shifted by the largest score so that no exponent overflows.</summary>
    public static void Softmax(ReadOnlySpan<double> scores, Span<double> probabilities)
    {
        var max = double.NegativeInfinity;
        foreach (var score in scores) max = Math.Max(max, score);
        var sum = 0.0;
        for (var k = 0; k < scores.Length; k++) sum += probabilities[k] = Math.Exp(scores[k] - max);
        for (var k = 0; k < scores.Length; k++) probabilities[k] /= sum;
    }
}
