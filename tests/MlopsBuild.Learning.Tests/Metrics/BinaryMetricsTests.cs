using MlopsBuild.Learning.Metrics;

namespace MlopsBuild.Learning.Tests.Metrics;

public sealed class BinaryMetricsTests
{
    [Fact]
    public void Auc_is_the_share_of_positive_negative_pairs_ranked_right()
    {
        // Pairs (positive, negative): (0.8, 0.6) ✓, (0.8, 0.2) ✓, (0.4, 0.6) ✗, (0.4, 0.2) ✓ → 3 of 4.
        var metrics = BinaryMetrics.Compute([1, 0, 1, 0], [0.8, 0.6, 0.4, 0.2]);

        Assert.Equal(0.75, metrics.AucRoc);
    }

    [Fact]
    public void Auc_counts_a_tied_pair_as_half()
    {
        // (0.8, 0.4) ✓, (0.8, 0.2) ✓, (0.4, 0.4) tie = ½, (0.4, 0.2) ✓ → 3.5 of 4.
        var metrics = BinaryMetrics.Compute([1, 0, 1, 0], [0.8, 0.4, 0.4, 0.2]);

        Assert.Equal(0.875, metrics.AucRoc);
    }

    [Fact]
    public void Average_precision_is_step_wise_not_a_trapezoid()
    {
        // Scores high to low: 1 (P = 1, R = ½), 0, 1 (P = ⅔, R = 1), 0 → ½ × 1 + ½ × ⅔ = ⅚.
        // A trapezoid through (0, 1), (½, 1), (½, ½), (1, ⅔) would give 19/24 instead.
        var metrics = BinaryMetrics.Compute([1, 0, 1, 0], [0.8, 0.6, 0.4, 0.2]);

        Close.Equal(5.0 / 6, metrics.AucPr, "average precision");
    }

    [Fact]
    public void A_probability_equal_to_the_threshold_is_predicted_positive()
    {
        var metrics = BinaryMetrics.Compute([1, 0, 0, 1], [0.3, 0.3, 0.2, 0.1], threshold: 0.3);

        Assert.Equal((1L, 1L, 1L, 1L), (metrics.TruePositives, metrics.FalsePositives, metrics.TrueNegatives, metrics.FalseNegatives));
        Assert.Equal(0.5, metrics.Precision);
        Assert.Equal(0.5, metrics.Recall);
        Assert.Equal(0.5, metrics.F1);
        Assert.Equal(0.5, metrics.Accuracy);
    }

    [Fact]
    public void Precision_is_zero_when_nothing_is_predicted_positive()
    {
        var metrics = BinaryMetrics.Compute([1, 0, 1], [0.2, 0.1, 0.4]);

        Assert.Equal(0, metrics.TruePositives + metrics.FalsePositives);
        Assert.Equal(0, metrics.Precision);
        Assert.Equal(0, metrics.F1);
        Assert.Equal(1, metrics.AucRoc);
    }

    [Fact]
    public void Log_loss_is_the_mean_negative_log_probability_of_the_true_class()
    {
        var metrics = BinaryMetrics.Compute([1, 0], [0.8, 0.3]);

        Close.Equal(-(Math.Log(0.8) + Math.Log(0.7)) / 2, metrics.LogLoss, "log loss");
    }

    [Fact]
    public void Log_loss_clips_a_certain_wrong_answer_to_1e_15()
    {
        var metrics = BinaryMetrics.Compute([1], [0.0]);

        Close.Equal(-Math.Log(1e-15), metrics.LogLoss, "log loss");
    }

    [Fact]
    public void Auc_is_undefined_with_one_class_and_average_precision_zero_without_positives()
    {
        var negatives = BinaryMetrics.Compute([0, 0], [0.2, 0.7]);
        var positives = BinaryMetrics.Compute([1, 1], [0.2, 0.7]);

        Assert.True(double.IsNaN(negatives.AucRoc));
        Assert.Equal(0, negatives.AucPr);
        Assert.True(double.IsNaN(positives.AucRoc));
        Assert.Equal(1, positives.AucPr);
    }

    [Fact]
    public void Auc_matches_counting_every_pair_on_random_scores_with_ties()
    {
        var (labels, scores) = RandomScores(rows: 700, seed: 11);
        double rankedRight = 0, pairs = 0;
        for (var i = 0; i < labels.Length; i++)
            for (var j = 0; j < labels.Length; j++)
            {
                if (labels[i] != 1 || labels[j] != 0) continue;
                pairs++;
                rankedRight += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
            }

        Close.Equal(rankedRight / pairs, BinaryMetrics.Compute(labels, scores).AucRoc, "AUC");
    }

    [Fact]
    public void Inverting_the_scores_turns_auc_into_one_minus_auc()
    {
        var (labels, scores) = RandomScores(rows: 2_000, seed: 12);
        var inverted = scores.Select(score => 1 - score).ToArray();

        var auc = BinaryMetrics.Compute(labels, scores).AucRoc;
        var invertedAuc = BinaryMetrics.Compute(labels, inverted).AucRoc;

        Assert.InRange(auc, 0.6, 0.95); // the scores carry signal, so the property is not a trivial 0.5 = 1 − 0.5
        Close.Equal(1 - auc, invertedAuc, "AUC of inverted scores");
    }

    [Fact]
    public void Row_order_does_not_change_any_metric()
    {
        var (labels, scores) = RandomScores(rows: 3_000, seed: 13);
        var order = Enumerable.Range(0, labels.Length).ToArray();
        new Random(14).Shuffle(order);

        var shuffled = BinaryMetrics.Compute(order.Select(i => labels[i]).ToArray(), order.Select(i => scores[i]).ToArray());

        Assert.Equal(BinaryMetrics.Compute(labels, scores) with { LogLoss = shuffled.LogLoss }, shuffled);
        Close.Equal(BinaryMetrics.Compute(labels, scores).LogLoss, shuffled.LogLoss, "log loss");
    }

    /// <summary>Labels and scores that rank positives higher on the whole, rounded to hundredths so that many tie.</summary>
    internal static (float[] Labels, double[] Scores) RandomScores(int rows, int seed)
    {
        var random = new Random(seed);
        var labels = new float[rows];
        var scores = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = random.Next(2);
            scores[i] = Math.Round(Math.Clamp(0.35 * labels[i] + 0.65 * random.NextDouble(), 0, 1), 2);
        }
        return (labels, scores);
    }
}
