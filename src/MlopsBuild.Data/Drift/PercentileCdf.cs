namespace MlopsBuild.Data.Drift;

/// <summary>
/// The cumulative distribution function implied by evenly spaced percentiles P_0..P_n: F(P_k) = k/n, linear in between,
/// 0 below P_0 and 1 from P_n on. Repeated percentiles (a value holding several percent of the data) make F jump there;
/// F is right-continuous, and <see cref="Before"/> gives the limit from the left.
/// </summary>
internal sealed class PercentileCdf
{
    readonly IReadOnlyList<double> _points;

    public PercentileCdf(IReadOnlyList<double> points, string parameterName)
    {
        if (points.Count != 101)
            throw new ArgumentException($"expected the 0th..100th percentiles (101 values), found {points.Count}", parameterName);
        for (var i = 0; i < points.Count; i++)
            if (!double.IsFinite(points[i]) || (i > 0 && points[i] < points[i - 1]))
                throw new ArgumentException($"percentiles must be finite and non-decreasing, found P{i} = {points[i]}", parameterName);
        _points = points;
    }

    /// <summary>F(x) = P(X ≤ x).</summary>
    public double At(double x) => Interpolate(x, CountWhere(point => point <= x) - 1);

    /// <summary>F(x−) = P(X &lt; x).</summary>
    public double Before(double x) => Interpolate(x, CountWhere(point => point < x) - 1);

    /// <param name="below">The last index whose point is at x or below (for F), or below x (for F−); −1 for none.</param>
    double Interpolate(double x, int below)
    {
        var last = _points.Count - 1;
        if (below < 0) return 0;
        if (below == last) return 1;
        var (low, high) = (_points[below], _points[below + 1]);
        return (below + (x - low) / (high - low)) / last;
    }

    /// <summary>How many points satisfy a condition that holds for a prefix of the (sorted) points: a binary search.</summary>
    int CountWhere(Func<double, bool> holds)
    {
        int low = 0, high = _points.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (holds(_points[middle])) low = middle + 1;
            else high = middle;
        }
        return low;
    }
}
