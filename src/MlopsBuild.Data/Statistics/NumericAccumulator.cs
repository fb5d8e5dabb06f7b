namespace MlopsBuild.Data.Statistics;

/// <summary>
/// Statistics of a numeric, integer or date-time (as Unix seconds) column in one streaming pass and bounded memory
/// (≲ 64 KB whatever the row count). Deterministic: the summary depends on the multiset of values only — not on their
/// order, nor on how rows were split between accumulators that were then merged — down to the last bit of every double
/// (the mean and standard deviation come from exact sums, see <see cref="ExactMoments"/>).
/// </summary>
public sealed class NumericAccumulator
{
    readonly ExactMoments _moments = new();
    readonly ValueDistribution _distribution = new();
    long _missing;
    double _min = double.PositiveInfinity;
    double _max = double.NegativeInfinity;

    /// <summary>Adds a present value. NaN and ±∞ have no place in a distribution and count as missing.</summary>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            _missing++;
            return;
        }
        value += 0.0; // −0 + 0 is +0: one zero for the distinct count
        if (value < _min) _min = value;
        if (value > _max) _max = value;
        _moments.Add(value);
        _distribution.Add(value);
    }

    /// <summary>
    /// Adds present values, as <see cref="Add"/> does one by one, but a stage at a time over the whole span: each
    /// stage's tables stay in the L1 cache and its loop is short enough to be vectorised or pipelined.
    /// </summary>
    public void AddRange(ReadOnlySpan<double> values)
    {
        if (!FiniteValues.TryMinMax(values, ref _min, ref _max))
        {
            foreach (var value in values) Add(value);
            return;
        }
        _moments.AddRange(values);
        _distribution.AddRange(values);
    }

    public void AddMissing() => _missing++;

    /// <summary>Adds the other accumulator's values, as if they had been added to this one (other is unchanged).</summary>
    public void Merge(NumericAccumulator other)
    {
        _missing += other._missing;
        _min = Math.Min(_min, other._min);
        _max = Math.Max(_max, other._max);
        _moments.Merge(other._moments);
        _distribution.Merge(other._distribution);
    }

    public NumericSummary Summarize()
    {
        var count = _moments.Count;
        if (count == 0)
            return new NumericSummary(0, _missing, double.NaN, double.NaN, double.NaN, double.NaN,
                new Dictionary<string, double>(), [], Histogram.Empty, 0, false);

        var percentiles = DistributionShape.Percentiles(_distribution.Ascending(), count, _min, _max);
        var quantiles = NumericSummary.QuantilePercentiles.ToDictionary(NumericSummary.QuantileKey, p => percentiles[p]);
        return new NumericSummary(
            count,
            _missing,
            _min,
            _max,
            _moments.Mean(),
            _moments.StandardDeviation(),
            quantiles,
            percentiles,
            DistributionShape.Histogram(_distribution.Ascending(), _min, _max),
            Math.Min(_distribution.DistinctCount(), count), // an estimate may overshoot the number of values
            DistinctIsEstimate: !_distribution.IsExact);
    }
}
