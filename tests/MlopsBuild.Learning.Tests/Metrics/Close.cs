namespace MlopsBuild.Learning.Tests.Metrics;

/// <summary>Comparisons of computed metrics with reference values.</summary>
internal static class Close
{
    /// <summary>
    /// Within 1e-12 of <paramref name="expected"/>, relative (exactly equal when expected is 0, NaN when it is NaN):
    /// scikit-learn and these metrics sum in different orders, so the last few bits may differ, not more.
    /// </summary>
    public static void Equal(double expected, double actual, string what, double relativeTolerance = 1e-12)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual:R}");
            return;
        }
        var tolerance = expected == 0 ? 0 : relativeTolerance * Math.Abs(expected);
        Assert.True(Math.Abs(actual - expected) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
