namespace MlopsBuild.Learning.Metrics;

/// <summary>
/// How well class probabilities fit labels 0 … K − 1. Each value is what scikit-learn 1.2 gives for the same rows:
/// <list type="bullet">
/// <item>The predicted class is the most probable one; among equal probabilities, the lowest index (numpy argmax).</item>
/// <item><see cref="MacroF1"/>: f1_score(average="macro", zero_division=0) called without a labels list — the mean F1
/// of the classes that occur among the labels or the predictions. A class neither present nor predicted says nothing
/// about the model and is left out (passing labels=range(K) would count it as 0).</item>
/// <item>Per-class precision, recall and F1 are 0 when their denominator is 0 (zero_division=0), also for such a
/// class.</item>
/// <item><see cref="LogLoss"/>: log_loss(eps=1e-15, labels=range(K)) — each probability clipped to
/// [1e-15, 1 − 1e-15], each row divided by its sum, the mean of −log(probability of the true class).</item>
/// </list>
/// </summary>
/// <param name="ConfusionMatrix">Row counts by [actual class][predicted class].</param>
public sealed record MulticlassMetrics(
    long Count,
    int ClassCount,
    double Accuracy,
    double MacroF1,
    double LogLoss,
    long[][] ConfusionMatrix,
    double[] PerClassPrecision,
    double[] PerClassRecall,
    double[] PerClassF1)
{
    /// <summary>
    /// Metrics of <paramref name="probabilities"/> (row-major: row i's K probabilities at [i × K, (i + 1) × K)) against
    /// <paramref name="labels"/> (class indices 0 … K − 1). Rows need not sum to exactly 1: they are renormalised.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 2 classes, no rows, lengths that do not match, a label that is not
    /// a class index, or a probability outside [0, 1] or NaN.</exception>
    public static MulticlassMetrics Compute(ReadOnlySpan<float> labels, ReadOnlySpan<double> probabilities, int classCount)
    {
        if (classCount < 2)
            throw new ArgumentException($"{classCount} classes: multiclass metrics need at least 2; pass the model's class count.", nameof(classCount));
        MetricInput.RequireRows(labels.Length, probabilities.Length, "probabilities", nameof(probabilities), classCount);

        var confusion = new long[classCount][];
        for (var k = 0; k < classCount; k++) confusion[k] = new long[classCount];
        var logLoss = new CompensatedSum();
        for (var row = 0; row < labels.Length; row++)
        {
            var actual = ClassOf(labels[row], row, classCount);
            var rowProbabilities = probabilities.Slice(row * classCount, classCount);
            var predicted = 0;
            var clippedSum = 0.0;
            for (var k = 0; k < classCount; k++)
            {
                var probability = rowProbabilities[k];
                if (!MetricInput.IsProbability(probability))
                    throw MetricInput.NotAProbability(probability, row, nameof(probabilities),
                        $"pass class {k}'s probability (apply the softmax to raw scores first)");
                if (probability > rowProbabilities[predicted]) predicted = k;
                clippedSum += Clip(probability);
            }
            confusion[actual][predicted]++;
            logLoss.Add(-Math.Log(Clip(rowProbabilities[actual]) / clippedSum));
        }
        return FromConfusion(confusion, logLoss.Value / labels.Length);
    }

    static MulticlassMetrics FromConfusion(long[][] confusion, double logLoss)
    {
        var classCount = confusion.Length;
        var precision = new double[classCount];
        var recall = new double[classCount];
        var f1 = new double[classCount];
        long count = 0, correct = 0;
        var f1Sum = 0.0;
        var classesSeen = 0;
        for (var k = 0; k < classCount; k++)
        {
            long support = 0, predictedAsK = 0;
            for (var other = 0; other < classCount; other++)
            {
                support += confusion[k][other];
                predictedAsK += confusion[other][k];
            }
            var hits = confusion[k][k];
            count += support;
            correct += hits;
            precision[k] = Ratio(hits, predictedAsK);
            recall[k] = Ratio(hits, support);
            f1[k] = Ratio(2 * hits, support + predictedAsK);
            if (support + predictedAsK == 0) continue;
            f1Sum += f1[k];
            classesSeen++;
        }
        return new MulticlassMetrics(count, classCount, (double)correct / count, f1Sum / classesSeen, logLoss,
            confusion, precision, recall, f1);
    }

    static int ClassOf(float label, int row, int classCount)
    {
        if (!(label >= 0 && label < classCount && label == MathF.Floor(label)))
            throw new ArgumentException(
                $"Label {label} at row {row} is not a class index 0 … {classCount - 1}: map the classes to indices first (or pass the right class count).",
                "labels");
        return (int)label;
    }

    static double Clip(double probability) => Math.Clamp(probability, BinaryMetrics.LogLossEpsilon, 1 - BinaryMetrics.LogLossEpsilon);

    static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
