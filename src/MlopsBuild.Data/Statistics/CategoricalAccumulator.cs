namespace MlopsBuild.Data.Statistics;

/// <summary>
/// Statistics of a categorical, boolean or text column in one streaming pass and bounded memory (at most
/// <see cref="MaxTrackedCategories"/> categories are kept). Deterministic and mergeable: the summary depends on the
/// multiset of values only, not on their order or on how rows were split between merged accumulators.
/// </summary>
public sealed class CategoricalAccumulator
{
    public const int MaxTrackedCategories = 10_000;

    readonly TrackedCategories _categories;
    long _count;
    long _missing;
    long _totalLength;
    int _maxLength;

    public CategoricalAccumulator() : this(MaxTrackedCategories) { }

    internal CategoricalAccumulator(int maxTrackedCategories) => _categories = new TrackedCategories(maxTrackedCategories);

    /// <summary>Adds a present value; allocates only the first time a category is seen.</summary>
    public void Add(ReadOnlySpan<char> value) => Add(value, 1);

    /// <summary>Adds <paramref name="count"/> occurrences of a present value at once.</summary>
    public void Add(ReadOnlySpan<char> value, long count)
    {
        _count += count;
        _totalLength += value.Length * count;
        if (value.Length > _maxLength) _maxLength = value.Length;
        _categories.Add(value, count);
    }

    public void AddMissing() => _missing++;

    /// <summary>Distinct values counted exactly so far (at most the tracking capacity).</summary>
    internal int TrackedCount => _categories.Counts.Count;

    /// <summary>Adds the other accumulator's values, as if they had been added to this one (other is unchanged).</summary>
    public void Merge(CategoricalAccumulator other)
    {
        _count += other._count;
        _missing += other._missing;
        _totalLength += other._totalLength;
        _maxLength = Math.Max(_maxLength, other._maxLength);
        _categories.Merge(other._categories);
    }

    public CategoricalSummary Summarize(int topValues = 20)
    {
        var tracked = _categories.Counts.Select(pair => new ValueCount(pair.Key, pair.Value)).ToList();
        var top = tracked
            .OrderByDescending(value => value.Count)
            .ThenBy(value => value.Value, StringComparer.Ordinal)
            .Take(topValues)
            .ToList();
        var frequencies = tracked.OrderBy(value => value.Value, StringComparer.Ordinal).ToList();
        if (_categories.Other > 0) frequencies.Add(new ValueCount(CategoricalSummary.OtherValue, _categories.Other));

        return new CategoricalSummary(
            _count,
            _missing,
            // An estimate may overshoot; there cannot be more distinct values than values.
            Math.Min(_categories.DistinctCount(), _count),
            _categories.DistinctIsEstimate,
            top,
            frequencies,
            _count == 0 ? null : (double)_totalLength / _count,
            _count == 0 ? null : _maxLength);
    }
}
