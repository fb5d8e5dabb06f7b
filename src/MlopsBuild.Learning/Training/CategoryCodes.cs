namespace MlopsBuild.Learning.Training;

/// <summary>
/// Codes of a categorical column's values. With declared categories (the schema's allowed values) the codes follow
/// their order and any other value is NaN, as it is at scoring time. Without, categories are collected as they appear,
/// then renumbered in ordinal order by <see cref="Finish"/>, so the codes do not depend on the order of the rows.
/// </summary>
internal sealed class CategoryCodes
{
    readonly Dictionary<string, int> codes = new(StringComparer.Ordinal);
    readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    readonly bool open;

    public CategoryCodes(IReadOnlyList<string>? declared)
    {
        lookup = codes.GetAlternateLookup<ReadOnlySpan<char>>();
        open = declared is null;
        foreach (var category in declared ?? []) codes.TryAdd(category, codes.Count);
    }

    /// <summary>The value's code; NaN for a missing value and, with declared categories, an unknown one.</summary>
    public float Code(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return float.NaN;
        if (lookup.TryGetValue(text, out var code)) return code;
        if (!open) return float.NaN;
        code = codes.Count;
        lookup[text] = code;
        return code;
    }

    /// <summary>
    /// The categories in code order, and the codes <paramref name="values"/> hold renumbered to match them (collected
    /// categories are sorted ordinally; declared ones keep their order).
    /// </summary>
    public IReadOnlyList<string> Finish(FloatColumnBuilder values)
    {
        var categories = codes.OrderBy(pair => pair.Value).Select(pair => pair.Key).ToArray();
        if (!open) return categories;
        var sorted = categories.Order(StringComparer.Ordinal).ToArray();
        var renumbered = new float[categories.Length];
        for (var code = 0; code < categories.Length; code++) renumbered[code] = Array.BinarySearch(sorted, categories[code], StringComparer.Ordinal);
        for (var row = 0; row < values.Count; row++)
            if (!float.IsNaN(values[row])) values[row] = renumbered[(int)values[row]];
        return sorted;
    }
}
