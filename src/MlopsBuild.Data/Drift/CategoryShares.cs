using MlopsBuild.Data.Statistics;

namespace MlopsBuild.Data.Drift;

/// <summary>Each category's share of the reference and of the current counts, over the union of their categories.</summary>
internal static class CategoryShares
{
    /// <returns>(reference share, current share) per category, in ordinal order of the category, so sums are reproducible.</returns>
    public static IReadOnlyList<(double Reference, double Current)> Of(IReadOnlyList<ValueCount> reference, IReadOnlyList<ValueCount> current)
    {
        var referenceShares = SharesOf(reference, nameof(reference));
        var currentShares = SharesOf(current, nameof(current));
        return referenceShares.Keys.Union(currentShares.Keys)
            .Order(StringComparer.Ordinal)
            .Select(category => (referenceShares.GetValueOrDefault(category), currentShares.GetValueOrDefault(category)))
            .ToList();
    }

    static Dictionary<string, double> SharesOf(IReadOnlyList<ValueCount> counts, string parameterName)
    {
        var total = 0L;
        var byCategory = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (value, count) in counts)
        {
            if (count < 0) throw new ArgumentException($"category \"{value}\" has a negative count ({count})", parameterName);
            byCategory[value] = byCategory.GetValueOrDefault(value) + count;
            total += count;
        }
        if (total == 0) throw new ArgumentException("no values to take shares of", parameterName);
        return byCategory.ToDictionary(pair => pair.Key, pair => (double)pair.Value / total, StringComparer.Ordinal);
    }
}
