using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MlopsBuild.Serving.Monitoring;

/// <summary>A Prometheus histogram of request durations, in seconds; lock-free.</summary>
public sealed class LatencyHistogram
{
    /// <summary>Upper bounds in seconds: fine below 10 ms, where a healthy single-row request lands.</summary>
    public static readonly double[] Bounds = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];

    readonly long[] counts = new long[Bounds.Length + 1];
    long sumTicks;

    public void Observe(long elapsedTicks)
    {
        var seconds = (double)elapsedTicks / Stopwatch.Frequency;
        var bucket = 0;
        while (bucket < Bounds.Length && seconds > Bounds[bucket]) bucket++;
        Interlocked.Increment(ref counts[bucket]);
        Interlocked.Add(ref sumTicks, elapsedTicks);
    }

    /// <summary>The _bucket (cumulative), _sum and _count lines, with <paramref name="labels"/> on each.</summary>
    public void Render(StringBuilder text, string name, string labels)
    {
        long cumulative = 0;
        for (var i = 0; i < Bounds.Length; i++)
        {
            cumulative += Volatile.Read(ref counts[i]);
            text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels},le=\"{Bounds[i]}\"}} {cumulative}\n");
        }
        cumulative += Volatile.Read(ref counts[Bounds.Length]);
        text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels},le=\"+Inf\"}} {cumulative}\n");
        text.Append(CultureInfo.InvariantCulture, $"{name}_sum{{{labels}}} {(double)Volatile.Read(ref sumTicks) / Stopwatch.Frequency}\n");
        text.Append(CultureInfo.InvariantCulture, $"{name}_count{{{labels}}} {cumulative}\n");
    }
}
