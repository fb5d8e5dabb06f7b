using System.Diagnostics;

namespace MlopsBuild.Benchmarks;

internal static class Timing
{
    /// <summary>Runs <paramref name="action"/> <paramref name="repeat"/> times; the median in milliseconds ignores JIT and outliers.</summary>
    public static double MedianMilliseconds(int repeat, Action action)
    {
        var samples = new double[repeat];
        for (var i = 0; i < repeat; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            samples[i] = stopwatch.Elapsed.TotalMilliseconds;
        }
        return Median(samples);
    }

    /// <summary>The middle sample (the mean of the two middle ones for an even count); sorts <paramref name="samples"/>.</summary>
    public static double Median(double[] samples)
    {
        Array.Sort(samples);
        var middle = samples.Length / 2;
        return samples.Length % 2 == 1 ? samples[middle] : (samples[middle - 1] + samples[middle]) / 2;
    }
}
