namespace MlopsBuild.Learning.Tests.Linear;

/// <summary>Area under the ROC curve: the probability that a random positive outscores a random negative (ties half).</summary>
internal static class Auc
{
    public static double Of(IReadOnlyList<double> scores, IReadOnlyList<float> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positiveRankSum = 0;
        long positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            var rank = (start + end) / 2.0 + 1;
            for (var i = start; i <= end; i++)
                if (labels[order[i]] == 1) { positiveRankSum += rank; positives++; }
            start = end + 1;
        }
        var negatives = order.Length - positives;
        return (positiveRankSum - positives * (positives + 1) / 2.0) / (positives * (double)negatives);
    }
}
