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
        Array.Sort(samples);
        return repeat % 2 == 1 ? samples[repeat / 2] : (samples[repeat / 2 - 1] + samples[repeat / 2]) / 2;
    }
}
