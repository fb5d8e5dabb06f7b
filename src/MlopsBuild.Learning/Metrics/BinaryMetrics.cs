namespace MlopsBuild.Learning.Metrics;

/// <summary>
/// How well positive-class probabilities fit 0/1 labels. Each value is what scikit-learn 1.2 gives for the same rows:
/// <list type="bullet">
/// <item><see cref="AucRoc"/>: roc_auc_score — trapezoids between the distinct scores, so tied scores count half a
/// correctly ordered pair. NaN when the labels hold one class only (scikit-learn raises: it is not defined).</item>
/// <item><see cref="AucPr"/>: average_precision_score — step-wise Σ (recall gained) × precision over the distinct
/// scores, not a trapezoid (which overstates it). 0 when there is no positive label, as scikit-learn returns.</item>
/// <item>At <see cref="Threshold"/>, a row is predicted positive when its probability is ≥ the threshold.
/// <see cref="Precision"/>, <see cref="Recall"/> and <see cref="F1"/> are 0 when their denominator is 0
/// (scikit-learn's zero_division=0), e.g. precision when nothing is predicted positive. F1 = 2 TP / (2 TP + FP + FN),
/// the same as 2 P R / (P + R).</item>
/// <item><see cref="LogLoss"/>: log_loss(eps=1e-15) — p clipped to [1e-15, 1 − 1e-15], the pair (1 − p, p) divided
/// by its sum, the mean of −log(probability of the true class). (scikit-learn 1.2's default eps is "auto", 2.2e-16
/// for float64; the two differ only for probabilities within 1e-15 of 0 or 1.)</item>
/// </list>
/// </summary>
public sealed record BinaryMetrics(
    long Count,
    long Positives,
    double AucRoc,
    double AucPr,
    double Accuracy,
    double Precision,
    double Recall,
    double F1,
    double LogLoss,
    double Threshold,
    long TruePositives,
    long FalsePositives,
    long TrueNegatives,
    long FalseNegatives)
{
    /// <summary>Probabilities are clipped this far from 0 and 1 before their logarithm is taken.</summary>
    public const double LogLossEpsilon = 1e-15;

    /// <summary>
    /// Metrics of <paramref name="positiveProbabilities"/> (P(label = 1) per row) against <paramref name="labels"/>
    /// (0 or 1). O(n log n): the scores of each class are sorted once.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, no rows, a label not 0/1, a probability outside [0, 1] or NaN,
    /// or a threshold outside [0, 1].</exception>
    public static BinaryMetrics Compute(ReadOnlySpan<float> labels, ReadOnlySpan<double> positiveProbabilities, double threshold = 0.5)
    {
        MetricInput.RequireRows(labels.Length, positiveProbabilities.Length, "probabilities", nameof(positiveProbabilities));
        if (!(threshold >= 0 && threshold <= 1))
            throw new ArgumentException(
                $"The threshold {threshold} is not in [0, 1]: rows are predicted positive when their probability is at least the threshold; pass a value such as 0.5.",
                nameof(threshold));

        var positives = CheckAndCountPositives(labels, positiveProbabilities);
        var positiveScores = new double[positives];
        var negativeScores = new double[labels.Length - positives];
        long truePositives = 0, falsePositives = 0;
        var logLoss = new CompensatedSum();
        for (int row = 0, p = 0, n = 0; row < labels.Length; row++)
        {
            var probability = positiveProbabilities[row];
            var predictedPositive = probability >= threshold;
            // As scikit-learn: clip p, take 1 − clipped p for the negative class, divide both by their sum.
            var clippedPositive = Math.Clamp(probability, LogLossEpsilon, 1 - LogLossEpsilon);
            var clippedNegative = 1 - clippedPositive;
            if (labels[row] == 1)
            {
                positiveScores[p++] = probability;
                if (predictedPositive) truePositives++;
                logLoss.Add(-Math.Log(clippedPositive / (clippedPositive + clippedNegative)));
            }
            else
            {
                negativeScores[n++] = probability;
                if (predictedPositive) falsePositives++;
                logLoss.Add(-Math.Log(clippedNegative / (clippedPositive + clippedNegative)));
            }
        }

        var (aucRoc, aucPr) = RankingAreas.Compute(positiveScores, negativeScores);
        long count = labels.Length;
        var falseNegatives = positives - truePositives;
        var trueNegatives = count - positives - falsePositives;
        return new BinaryMetrics(
            count,
            positives,
            aucRoc,
            aucPr,
            Accuracy: (double)(truePositives + trueNegatives) / count,
            Precision: Ratio(truePositives, truePositives + falsePositives),
            Recall: Ratio(truePositives, positives),
            F1: Ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives),
            LogLoss: logLoss.Value / count,
            threshold,
            truePositives,
            falsePositives,
            trueNegatives,
            falseNegatives);
    }

    static int CheckAndCountPositives(ReadOnlySpan<float> labels, ReadOnlySpan<double> positiveProbabilities)
    {
        var positives = 0;
        for (var row = 0; row < labels.Length; row++)
        {
            var label = labels[row];
            if (label == 1) positives++;
            else if (label != 0)
                throw new ArgumentException(
                    $"Label {label} at row {row} is not 0 or 1: binary metrics need 1 for the positive class and 0 for the other; map the classes to 0/1 first.",
                    nameof(labels));
            if (!MetricInput.IsProbability(positiveProbabilities[row]))
                throw MetricInput.NotAProbability(positiveProbabilities[row], row, nameof(positiveProbabilities),
                    "pass the positive class's probability (apply the sigmoid to raw log-odds scores first)");
        }
        return positives;
    }

    static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
