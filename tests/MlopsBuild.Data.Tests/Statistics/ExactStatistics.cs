namespace MlopsBuild.Data.Tests.Statistics;

/// <summary>Reference answers computed the slow, obvious way, independently of the code under test.</summary>
internal static class ExactStatistics
{
    /// <summary>The value of rank ⌊p·(n−1)/100⌋ in sorted order.</summary>
    public static double Percentile(double[] sorted, int percentile) => sorted[(int)((long)percentile * (sorted.Length - 1) / 100)];

    /// <summary>Two passes with a compensated (Neumaier) sum: accurate to a few units in the last place.</summary>
    public static (double Mean, double StandardDeviation) MeanAndStandardDeviation(IReadOnlyList<double> values)
    {
        var mean = CompensatedSum(values) / values.Count;
        var squares = CompensatedSum(values.Select(value => (value - mean) * (value - mean)).ToList());
        return (mean, Math.Sqrt(squares / values.Count));
    }

    static double CompensatedSum(IReadOnlyList<double> values)
    {
        double sum = 0, compensation = 0;
        foreach (var value in values)
        {
            var total = sum + value;
            compensation += Math.Abs(sum) >= Math.Abs(value) ? sum - total + value : value - total + sum;
            sum = total;
        }
        return sum + compensation;
    }
}
