using MlopsBuild.Learning.Features;

namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>Chooses each feature's bins from a sample of its values (quantiles for numbers, frequency for categories).</summary>
internal static class BinBoundaries
{
    /// <summary>Rows the numeric bin bounds are computed from: enough for 255 quantiles, cheap to sort.</summary>
    public const int SampleRows = 200_000;

    /// <summary>Evenly spaced rows (always the same ones for the same row count), all of them for small data.</summary>
    public static int[] SampleRowIndices(int rowCount)
    {
        var count = Math.Min(rowCount, SampleRows);
        var rows = new int[count];
        for (var i = 0; i < count; i++) rows[i] = (int)((long)i * rowCount / count);
        return rows;
    }

    public static FeatureBins Numeric(FeatureKind kind, float[] column, int[] sampleRows, int maxBins)
    {
        var values = new float[sampleRows.Length];
        var count = 0;
        foreach (var row in sampleRows)
            if (!float.IsNaN(column[row])) values[count++] = column[row];
        FloatRadixSort.Sort(values.AsSpan(0, count));

        // Distinct values and how often each occurs.
        var distinct = new List<float>();
        var counts = new List<int>();
        for (var i = 0; i < count; i++)
        {
            if (distinct.Count > 0 && values[i] == distinct[^1]) counts[^1]++;
            else { distinct.Add(values[i]); counts.Add(1); }
        }

        var bounds = new List<float>();
        if (distinct.Count <= maxBins)
        {
            for (var i = 0; i + 1 < distinct.Count; i++) bounds.Add(Between(distinct[i], distinct[i + 1]));
        }
        else
        {
            // Greedy quantiles: close a bin once it holds its share of what is left, but never leave more distinct
            // values than bins (a heavy value takes a bin of its own, and the bins after it share the rest).
            var binsLeft = maxBins;
            var rest = count;
            var filled = 0;
            for (var i = 0; i + 1 < distinct.Count && binsLeft > 1; i++)
            {
                filled += counts[i];
                var distinctAfter = distinct.Count - 1 - i;
                if (filled * (long)binsLeft >= rest || distinctAfter <= binsLeft - 1)
                {
                    bounds.Add(Between(distinct[i], distinct[i + 1]));
                    rest -= filled;
                    filled = 0;
                    binsLeft--;
                }
            }
        }
        bounds.Add(float.PositiveInfinity);
        return FeatureBins.Numeric(kind, bounds.ToArray());
    }

    /// <summary>
    /// Categories by code; when there are more than <paramref name="maxBins"/>, the most frequent keep bins of their own
    /// and the rest share the last one. Counts the whole column (one cheap pass).
    /// </summary>
    public static FeatureBins Categorical(float[] column, int categoryCount, int maxBins)
    {
        var counts = new long[categoryCount];
        foreach (var value in column)
            if (!float.IsNaN(value)) counts[(int)value]++;
        var present = Enumerable.Range(0, categoryCount).Where(c => counts[c] > 0).ToArray();
        var binOfCategory = new int[categoryCount];
        int valueBins;
        if (present.Length <= maxBins)
        {
            valueBins = present.Length;
            Array.Fill(binOfCategory, valueBins); // unseen in training: the missing bin
            for (var b = 0; b < present.Length; b++) binOfCategory[present[b]] = b;
        }
        else
        {
            valueBins = maxBins;
            Array.Fill(binOfCategory, maxBins - 1);
            var byFrequency = present.OrderByDescending(c => counts[c]).ThenBy(c => c).Take(maxBins - 1).Order().ToArray();
            for (var b = 0; b < byFrequency.Length; b++) binOfCategory[byFrequency[b]] = b;
            foreach (var c in Enumerable.Range(0, categoryCount).Where(c => counts[c] == 0)) binOfCategory[c] = valueBins;
        }
        return FeatureBins.Categorical(binOfCategory, valueBins);
    }

    /// <summary>A float bound with low ≤ bound &lt; high: the midpoint, or low when no float lies strictly between.</summary>
    static float Between(float low, float high)
    {
        var middle = (float)(((double)low + high) / 2);
        return middle >= high || middle < low ? low : middle;
    }
}
