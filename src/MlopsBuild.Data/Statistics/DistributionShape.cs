namespace MlopsBuild.Data.Statistics;

/// <summary>Percentiles and a histogram read off ascending (value, count) pairs: exact values or sketch buckets.</summary>
internal static class DistributionShape
{
    public const int HistogramBins = 20;

    /// <summary>
    /// The 0th..100th percentiles. Percentile p is the value (or sketch bucket) of rank ⌊p·(n−1)/100⌋ (0-based) in sorted
    /// order, never an interpolation between two, clamped to the exact [min, max], which are also the 0th and 100th.
    /// </summary>
    public static double[] Percentiles(IEnumerable<(double Value, long Count)> ascending, long count, double min, double max)
    {
        var percentiles = new double[101];
        var ranks = new long[101];
        for (var p = 0; p <= 100; p++) ranks[p] = RankOf(p, count);
        var percentile = 0;
        long seen = 0;
        foreach (var (value, valueCount) in ascending)
        {
            seen += valueCount;
            for (; percentile <= 100 && ranks[percentile] < seen; percentile++)
                percentiles[percentile] = Math.Clamp(value, min, max);
        }
        percentiles[0] = min;
        percentiles[100] = max;
        return percentiles;
    }

    /// <summary><see cref="HistogramBins"/> equal-width bins from min to max (one bin when they are equal).</summary>
    public static Histogram Histogram(IEnumerable<(double Value, long Count)> ascending, double min, double max)
    {
        var bins = min == max ? 1 : HistogramBins;
        var width = max / bins - min / bins; // not (max − min) / bins, which overflows for the widest ranges
        var edges = new double[bins + 1];
        for (var i = 0; i < bins; i++) edges[i] = min + i * width;
        edges[bins] = max;

        var counts = new long[bins];
        foreach (var (value, count) in ascending) counts[BinOf(Math.Clamp(value, min, max), edges, width)] += count;
        return new Histogram(edges, counts);
    }

    /// <summary>The bin with edges[bin] ≤ value &lt; edges[bin + 1] (the last bin also holds max).</summary>
    static int BinOf(double value, double[] edges, double width)
    {
        var last = edges.Length - 2;
        var bin = width > 0 ? Math.Min((int)((value - edges[0]) / width), last) : 0;
        while (bin < last && value >= edges[bin + 1]) bin++; // the division can land one bin off at an edge
        while (bin > 0 && value < edges[bin]) bin--;
        return bin;
    }

    /// <summary>⌊p·(n−1)/100⌋ without overflow: with n − 1 = 100q + r, it is p·q + ⌊p·r/100⌋.</summary>
    static long RankOf(int percentile, long count)
    {
        var (q, r) = Math.DivRem(count - 1, 100);
        return percentile * q + percentile * r / 100;
    }
}
