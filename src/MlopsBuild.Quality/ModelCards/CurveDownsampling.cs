namespace MlopsBuild.Quality.ModelCards;

/// <summary>
/// Thins a curve to a few hundred points for drawing. The kept points are a subsequence (so a monotone curve stays
/// monotone), include both ends, and are spread evenly along the curve's length (|Δx| + |Δy|), so steep and flat
/// stretches keep their share of points and no visible corner is lost.
/// </summary>
internal static class CurveDownsampling
{
    public const int MaxPoints = 200;

    public static IReadOnlyList<CurvePoint> Downsample(IReadOnlyList<CurvePoint> points, int maxPoints = MaxPoints)
    {
        if (maxPoints < 2) throw new ArgumentOutOfRangeException(nameof(maxPoints), maxPoints, "A curve needs at least its two ends.");
        if (points.Count <= maxPoints) return points;

        var lengthTo = new double[points.Count];
        for (var i = 1; i < points.Count; i++)
            lengthTo[i] = lengthTo[i - 1] + Math.Abs(points[i].X - points[i - 1].X) + Math.Abs(points[i].Y - points[i - 1].Y);

        var kept = new List<CurvePoint>(maxPoints) { points[0] };
        var last = points.Count - 1;
        int index = 0, keptIndex = 0;
        for (var k = 1; k < maxPoints - 1; k++)
        {
            var target = lengthTo[last] * k / (maxPoints - 1);
            while (index < last && lengthTo[index] < target) index++;
            if (index == last) break;
            if (index == keptIndex) continue;
            kept.Add(points[index]);
            keptIndex = index;
        }
        kept.Add(points[last]);
        return kept;
    }
}
