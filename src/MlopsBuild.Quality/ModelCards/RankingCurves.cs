namespace MlopsBuild.Quality.ModelCards;

/// <summary>
/// ROC and precision-recall curves as scikit-learn's roc_curve and precision_recall_curve draw them
/// (drop_intermediate=False): one point per distinct score, highest first, where rows with equal scores enter together.
/// </summary>
internal static class RankingCurves
{
    /// <summary>(false positive rate, true positive rate) from (0, 0) to (1, 1); empty when the labels hold one class only.</summary>
    public static IReadOnlyList<CurvePoint> Roc(ReadOnlySpan<float> labels, ReadOnlySpan<double> positiveProbabilities)
    {
        var steps = Steps(labels, positiveProbabilities, out var positives, out var negatives);
        if (positives == 0 || negatives == 0) return [];
        var points = new List<CurvePoint>(steps.Count + 1) { new(0, 0) };
        foreach (var (truePositives, falsePositives) in steps)
            points.Add(new((double)falsePositives / negatives, (double)truePositives / positives));
        return points;
    }

    /// <summary>
    /// (recall, precision) by rising recall, starting at (0, 1) as scikit-learn's curve ends there; empty when no label is
    /// positive (recall is not defined).
    /// </summary>
    public static IReadOnlyList<CurvePoint> PrecisionRecall(ReadOnlySpan<float> labels, ReadOnlySpan<double> positiveProbabilities)
    {
        var steps = Steps(labels, positiveProbabilities, out var positives, out _);
        if (positives == 0) return [];
        var points = new List<CurvePoint>(steps.Count + 1) { new(0, 1) };
        foreach (var (truePositives, falsePositives) in steps)
            points.Add(new((double)truePositives / positives, (double)truePositives / (truePositives + falsePositives)));
        return points;
    }

    /// <summary>Cumulative (true positives, false positives) after each distinct score, highest score first.</summary>
    static List<(long TruePositives, long FalsePositives)> Steps(
        ReadOnlySpan<float> labels, ReadOnlySpan<double> scores, out long positives, out long negatives)
    {
        var descending = new double[scores.Length];
        var isPositive = new bool[scores.Length];
        for (var row = 0; row < scores.Length; row++)
        {
            descending[row] = -scores[row];
            isPositive[row] = labels[row] == 1;
        }
        // Unstable, but only the counts per distinct score matter, so the curve is the same whatever order ties take.
        Array.Sort(descending, isPositive);

        var steps = new List<(long, long)>();
        long truePositives = 0, falsePositives = 0;
        for (var row = 0; row < descending.Length; row++)
        {
            if (isPositive[row]) truePositives++;
            else falsePositives++;
            if (row == descending.Length - 1 || descending[row + 1] != descending[row]) steps.Add((truePositives, falsePositives));
        }
        positives = truePositives;
        negatives = falsePositives;
        return steps;
    }
}
