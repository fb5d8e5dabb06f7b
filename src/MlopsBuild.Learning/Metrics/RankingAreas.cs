namespace MlopsBuild.Learning.Metrics;

/// <summary>
/// Areas under the ROC and precision-recall curves, read off one walk down the distinct scores (highest first), as
/// scikit-learn's _binary_clf_curve builds them: rows with equal scores enter together, as one point of the curve.
/// </summary>
internal static class RankingAreas
{
    /// <summary>
    /// <paramref name="positiveScores"/> and <paramref name="negativeScores"/> (sorted here, in place) are the scores of
    /// label-1 and label-0 rows. ROC AUC is NaN when either is empty (scikit-learn raises: it is not defined); average
    /// precision is 0 when there is no positive row (as scikit-learn returns, with a warning).
    /// </summary>
    public static (double AucRoc, double AveragePrecision) Compute(double[] positiveScores, double[] negativeScores)
    {
        // Sorting the two classes apart needs no key-and-label pairs, and equal scores need no stable order: only the
        // counts per distinct score matter, so the result is the same whatever order ties end up in.
        Array.Sort(positiveScores);
        Array.Sort(negativeScores);
        long truePositives = 0, falsePositives = 0;
        long twiceRocArea = 0; // exact: Σ Δfp × (tp before + tp after), at most 2 × positives × negatives < 2^62
        var precisionSum = new CompensatedSum();
        int p = positiveScores.Length - 1, n = negativeScores.Length - 1;
        while (p >= 0 || n >= 0)
        {
            var score = p < 0 ? negativeScores[n] : n < 0 ? positiveScores[p] : Math.Max(positiveScores[p], negativeScores[n]);
            long newPositives = 0, newNegatives = 0;
            for (; p >= 0 && positiveScores[p] == score; p--) newPositives++;
            for (; n >= 0 && negativeScores[n] == score; n--) newNegatives++;
            twiceRocArea += newNegatives * (2 * truePositives + newPositives); // trapezoid: tied rows make a diagonal
            truePositives += newPositives;
            falsePositives += newNegatives;
            // Step-wise average precision: recall gained at this score × precision at this score.
            if (newPositives > 0) precisionSum.Add(newPositives * ((double)truePositives / (truePositives + falsePositives)));
        }
        var aucRoc = truePositives == 0 || falsePositives == 0
            ? double.NaN
            : twiceRocArea / (2.0 * truePositives * falsePositives);
        var averagePrecision = truePositives == 0 ? 0 : precisionSum.Value / truePositives;
        return (aucRoc, averagePrecision);
    }
}
