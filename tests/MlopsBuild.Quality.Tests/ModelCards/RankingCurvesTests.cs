using MlopsBuild.Learning.Metrics;
using MlopsBuild.Quality.ModelCards;

namespace MlopsBuild.Quality.Tests.ModelCards;

public sealed class RankingCurvesTests
{
    static readonly float[] Labels = [1, 0, 1, 0];
    static readonly double[] Scores = [0.9, 0.8, 0.7, 0.1];

    [Fact]
    public void Roc_steps_up_for_positives_and_right_for_negatives_highest_score_first()
    {
        var roc = RankingCurves.Roc(Labels, Scores);

        Assert.Equal([new(0, 0), new(0, 0.5), new(0.5, 0.5), new(0.5, 1), new(1, 1)], roc);
    }

    [Fact]
    public void Rows_with_equal_scores_enter_the_roc_curve_together_as_one_diagonal_step()
    {
        var roc = RankingCurves.Roc([1, 0, 1], [0.5, 0.5, 0.2]);

        Assert.Equal([new(0, 0), new(1, 0.5), new(1, 1)], roc);
    }

    [Fact]
    public void Precision_recall_starts_at_recall_0_precision_1_and_gives_one_point_per_distinct_score()
    {
        var curve = RankingCurves.PrecisionRecall(Labels, Scores);

        Assert.Equal([new(0, 1), new(0.5, 1), new(0.5, 0.5), new(1, 2.0 / 3), new(1, 0.5)], curve);
    }

    [Fact]
    public void Curves_are_empty_where_they_are_not_defined()
    {
        Assert.Empty(RankingCurves.Roc([1, 1], [0.2, 0.8]));
        Assert.Empty(RankingCurves.Roc([0, 0], [0.2, 0.8]));
        Assert.Empty(RankingCurves.PrecisionRecall([0, 0], [0.2, 0.8]));
        Assert.Equal(3, RankingCurves.PrecisionRecall([1, 1], [0.2, 0.8]).Count);
    }

    [Fact]
    public void The_area_under_the_roc_points_and_the_precision_steps_match_the_metrics_on_tied_random_scores()
    {
        var random = new Random(7);
        var labels = new float[2000];
        var scores = new double[2000];
        for (var row = 0; row < labels.Length; row++)
        {
            labels[row] = random.NextDouble() < 0.3 ? 1 : 0;
            scores[row] = Math.Round(Math.Clamp(0.3 * labels[row] + random.NextDouble() * 0.7, 0, 1), 2); // rounding makes ties
        }
        var metrics = BinaryMetrics.Compute(labels, scores);

        var roc = RankingCurves.Roc(labels, scores);
        var rocArea = roc.Zip(roc.Skip(1), (a, b) => (b.X - a.X) * (a.Y + b.Y) / 2).Sum();
        var pr = RankingCurves.PrecisionRecall(labels, scores);
        var averagePrecision = pr.Zip(pr.Skip(1), (a, b) => (b.X - a.X) * b.Y).Sum();

        Assert.Equal(metrics.AucRoc, rocArea, 1e-12);
        Assert.Equal(metrics.AucPr, averagePrecision, 1e-12);
    }
}
