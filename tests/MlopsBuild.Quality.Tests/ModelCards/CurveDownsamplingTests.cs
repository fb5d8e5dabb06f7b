using MlopsBuild.Quality.ModelCards;

namespace MlopsBuild.Quality.Tests.ModelCards;

public sealed class CurveDownsamplingTests
{
    [Fact]
    public void A_curve_within_the_limit_is_kept_whole()
    {
        CurvePoint[] curve = [new(0, 0), new(0.2, 0.7), new(1, 1)];

        Assert.Equal(curve, CurveDownsampling.Downsample(curve));
    }

    [Fact]
    public void A_long_roc_curve_keeps_its_ends_its_monotonicity_and_its_area()
    {
        var roc = RandomRoc(rows: 20_000, seed: 3);
        Assert.True(roc.Count > 1000);

        var kept = CurveDownsampling.Downsample(roc);

        Assert.InRange(kept.Count, 100, CurveDownsampling.MaxPoints);
        Assert.Equal(roc[0], kept[0]);
        Assert.Equal(roc[^1], kept[^1]);
        for (var i = 1; i < kept.Count; i++)
        {
            Assert.True(kept[i].X >= kept[i - 1].X, $"x falls at point {i}");
            Assert.True(kept[i].Y >= kept[i - 1].Y, $"y falls at point {i}");
        }
        Assert.Equal(Area(roc), Area(kept), 0.005);
    }

    [Fact]
    public void Every_original_point_has_a_kept_point_near_it_along_a_sharp_corner()
    {
        // Straight up the y axis, then straight across the top: the corner at (0, 1) must not be cut off.
        var curve = Enumerable.Range(0, 1001).Select(i => new CurvePoint(0, i / 1000.0))
            .Concat(Enumerable.Range(1, 1000).Select(i => new CurvePoint(i / 1000.0, 1))).ToList();

        var kept = CurveDownsampling.Downsample(curve, maxPoints: 50);

        Assert.True(kept.Count <= 50);
        var spacing = 2.0 / 49;
        foreach (var point in curve)
            Assert.True(kept.Min(k => Math.Abs(k.X - point.X) + Math.Abs(k.Y - point.Y)) <= spacing, $"nothing kept near {point}");
    }

    [Fact]
    public void A_curve_that_never_moves_shrinks_to_its_two_ends()
    {
        var still = Enumerable.Repeat(new CurvePoint(0.5, 0.5), 500).ToList();

        Assert.Equal(2, CurveDownsampling.Downsample(still).Count);
    }

    [Fact]
    public void Fewer_than_two_points_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CurveDownsampling.Downsample([new(0, 0), new(1, 1), new(1, 1)], 1));
    }

    static IReadOnlyList<CurvePoint> RandomRoc(int rows, int seed)
    {
        var random = new Random(seed);
        var labels = new float[rows];
        var scores = new double[rows];
        for (var row = 0; row < rows; row++)
        {
            labels[row] = random.Next(2);
            scores[row] = Math.Clamp(0.25 * labels[row] + random.NextDouble() * 0.75, 0, 1);
        }
        return RankingCurves.Roc(labels, scores);
    }

    static double Area(IReadOnlyList<CurvePoint> curve) => curve.Zip(curve.Skip(1), (a, b) => (b.X - a.X) * (a.Y + b.Y) / 2).Sum();
}
