namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>
/// How a leaf's features are grouped for the histogram builder, which sums each group in one pass over the rows: as
/// many groups of four as fit, then the rest in pairs and singles, with groups of four split into pairs until the
/// groups divide evenly among the threads (seven groups on two threads would leave one idle an eighth of the time).
/// </summary>
internal static class FeatureGroups
{
    /// <summary>Where each group starts among the features, then the feature count.</summary>
    public static int[] Bounds(int featureCount, int threads)
    {
        var sizes = new List<int>();
        for (var left = featureCount; left > 0; left -= Math.Min(left, HistogramBuilder.FeaturesPerPass))
            sizes.Add(Math.Min(left, HistogramBuilder.FeaturesPerPass));
        threads = Math.Max(threads, 1);
        // The group split is the one nearest the middle: Parallel.For starts each thread on an equal run of consecutive
        // groups, and with the pairs in the middle rather than at the end those runs hold as many features.
        while (sizes.Count % threads != 0 && NearestFour(sizes, sizes.Count / 2) is var four and >= 0)
        {
            sizes[four] = 2;
            sizes.Insert(four, 2);
        }
        var bounds = new int[sizes.Count + 1];
        for (var g = 0; g < sizes.Count; g++) bounds[g + 1] = bounds[g] + sizes[g];
        return bounds;
    }

    /// <summary>The index of the group of four nearest <paramref name="middle"/> (the lower on a tie), or −1 if none.</summary>
    static int NearestFour(List<int> sizes, int middle)
    {
        for (var distance = 0; distance < sizes.Count; distance++)
        {
            if (middle - distance >= 0 && sizes[middle - distance] == HistogramBuilder.FeaturesPerPass) return middle - distance;
            if (middle + distance < sizes.Count && sizes[middle + distance] == HistogramBuilder.FeaturesPerPass) return middle + distance;
        }
        return -1;
    }
}
