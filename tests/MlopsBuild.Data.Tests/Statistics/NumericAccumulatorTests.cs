using MlopsBuild.Data.Statistics;

namespace MlopsBuild.Data.Tests.Statistics;

public sealed class NumericAccumulatorTests
{
    static NumericSummary Summarize(IEnumerable<double> values)
    {
        var accumulator = new NumericAccumulator();
        foreach (var value in values) accumulator.Add(value);
        return accumulator.Summarize();
    }

    public static TheoryData<string> Distributions => ["lognormal", "normal around zero", "uniform with zeros"];

    static double[] Distribution(string name) => name switch
    {
        "lognormal" => RandomSamples.LogNormal(100_000, seed: 1),
        "normal around zero" => RandomSamples.Normal(100_000, mean: 0, standardDeviation: 50, seed: 2),
        _ => RandomSamples.Uniform(50_000, -1000, 1000, seed: 3).Concat(Enumerable.Repeat(0.0, 5_000)).ToArray(),
    };

    [Theory]
    [MemberData(nameof(Distributions))]
    public void Count_min_max_mean_and_standard_deviation_match_a_two_pass_computation(string distribution)
    {
        var values = Distribution(distribution);
        var summary = Summarize(values);

        var (mean, standardDeviation) = ExactStatistics.MeanAndStandardDeviation(values);
        Assert.Equal(values.Length, summary.Count);
        Assert.Equal(values.Min(), summary.Min);
        Assert.Equal(values.Max(), summary.Max);
        Assert.Equal(mean, summary.Mean, 1e-12 * Math.Max(1, Math.Abs(mean)));
        Assert.Equal(standardDeviation, summary.StandardDeviation, 1e-12 * standardDeviation);
    }

    [Theory]
    [MemberData(nameof(Distributions))]
    public void Sketched_percentiles_are_within_the_relative_accuracy_of_the_exact_ones(string distribution)
    {
        var values = Distribution(distribution);
        var sorted = values.Order().ToArray();
        var summary = Summarize(values);

        Assert.True(summary.DistinctIsEstimate);
        Assert.Equal(101, summary.Percentiles.Count);
        for (var percentile = 0; percentile <= 100; percentile++)
        {
            var exact = ExactStatistics.Percentile(sorted, percentile);
            var tolerance = QuantileSketch.RelativeAccuracy * Math.Abs(exact) * (1 + 1e-12);
            Assert.True(Math.Abs(summary.Percentiles[percentile] - exact) <= tolerance,
                $"P{percentile}: {summary.Percentiles[percentile]} vs exact {exact}");
        }
        Assert.Equal(sorted[0], summary.Percentiles[0]);
        Assert.Equal(sorted[^1], summary.Percentiles[100]);
    }

    [Fact]
    public void Quantiles_are_the_named_percentiles()
    {
        var summary = Summarize(RandomSamples.LogNormal(10_000, seed: 4));

        Assert.Equal(["p01", "p05", "p25", "p50", "p75", "p95", "p99"], summary.Quantiles.Keys);
        Assert.Equal(summary.Percentiles[25], summary.Quantiles["p25"]);
        Assert.Equal(summary.Percentiles[99], summary.Quantiles["p99"]);
    }

    [Theory]
    [MemberData(nameof(Distributions))]
    public void Percentiles_never_decrease_and_histogram_counts_sum_to_the_count(string distribution)
    {
        var summary = Summarize(Distribution(distribution));

        Assert.All(Enumerable.Range(1, 100), i => Assert.True(summary.Percentiles[i] >= summary.Percentiles[i - 1]));
        Assert.Equal(20, summary.Histogram.Counts.Count);
        Assert.Equal(21, summary.Histogram.Edges.Count);
        Assert.Equal(summary.Min, summary.Histogram.Edges[0]);
        Assert.Equal(summary.Max, summary.Histogram.Edges[^1]);
        Assert.Equal(summary.Count, summary.Histogram.Counts.Sum());
    }

    [Fact]
    public void Sketched_histogram_counts_are_close_to_the_exact_bin_counts()
    {
        var values = RandomSamples.Uniform(100_000, 0, 100, seed: 5);
        var summary = Summarize(values);

        for (var bin = 0; bin < 20; bin++)
        {
            var (from, to) = (summary.Histogram.Edges[bin], summary.Histogram.Edges[bin + 1]);
            var exact = values.Count(value => value >= from && (value < to || bin == 19));
            // A sketch bucket straddling an edge moves its whole count to one side: at most ~1% of a bin here.
            Assert.InRange(summary.Histogram.Counts[bin], exact * 0.97, exact * 1.03);
        }
    }

    [Fact]
    public void Few_distinct_values_give_exact_percentiles_histogram_and_distinct_count()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => (double)(i * 7919 % 1000)).ToArray();
        var sorted = values.Order().ToArray();
        var summary = Summarize(values);

        Assert.False(summary.DistinctIsEstimate);
        Assert.Equal(1000, summary.DistinctCount);
        Assert.All(Enumerable.Range(0, 101), p => Assert.Equal(ExactStatistics.Percentile(sorted, p), summary.Percentiles[p]));
        for (var bin = 0; bin < 20; bin++)
        {
            var (from, to) = (summary.Histogram.Edges[bin], summary.Histogram.Edges[bin + 1]);
            Assert.Equal(values.Count(value => value >= from && (value < to || bin == 19)), summary.Histogram.Counts[bin]);
        }
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    public void Distinct_count_beyond_the_exact_cap_is_estimated_within_two_percent(int distinct)
    {
        var summary = Summarize(Enumerable.Range(0, distinct).Select(i => i * 0.5 + 1e-3));

        Assert.True(summary.DistinctIsEstimate);
        Assert.InRange(summary.DistinctCount, distinct * 0.98, distinct * 1.02);
    }

    [Fact]
    public void Distinct_count_is_exact_up_to_the_cap()
    {
        var summary = Summarize(Enumerable.Range(0, ExactValueCounts.Capacity).Select(i => i * 1.5).Concat([0.0, -0.0]));

        Assert.False(summary.DistinctIsEstimate);
        Assert.Equal(ExactValueCounts.Capacity, summary.DistinctCount);
    }

    [Fact]
    public void Missing_and_non_finite_values_are_counted_as_missing()
    {
        var accumulator = new NumericAccumulator();
        accumulator.Add(1);
        accumulator.Add(double.NaN);
        accumulator.Add(double.PositiveInfinity);
        accumulator.AddMissing();
        accumulator.Add(3);

        var summary = accumulator.Summarize();

        Assert.Equal(2, summary.Count);
        Assert.Equal(3, summary.Missing);
        Assert.Equal(2, summary.Mean);
    }

    [Fact]
    public void A_column_without_values_has_no_percentiles_and_an_empty_histogram()
    {
        var accumulator = new NumericAccumulator();
        accumulator.AddMissing();

        var summary = accumulator.Summarize();

        Assert.Equal((0, 1), (summary.Count, summary.Missing));
        Assert.True(double.IsNaN(summary.Min) && double.IsNaN(summary.Mean) && double.IsNaN(summary.StandardDeviation));
        Assert.Empty(summary.Percentiles);
        Assert.Empty(summary.Quantiles);
        Assert.Empty(summary.Histogram.Edges);
        Assert.Empty(summary.Histogram.Counts);
    }

    [Fact]
    public void A_constant_column_has_one_histogram_bin()
    {
        var summary = Summarize(Enumerable.Repeat(42.0, 100));

        Assert.Equal([42.0, 42.0], summary.Histogram.Edges);
        Assert.Equal([100L], summary.Histogram.Counts);
        Assert.Equal(0, summary.StandardDeviation);
        Assert.All(summary.Percentiles, value => Assert.Equal(42.0, value));
    }

    [Fact]
    public void Mean_and_standard_deviation_do_not_suffer_cancellation()
    {
        // A naive running sum gives 0 for the first; the second loses every digit to the 1e9 offset in naive Σx² − (Σx)²/n.
        Assert.Equal(1.0 / 3, Summarize([1e16, 1, -1e16]).Mean);
        Assert.Equal(Math.Sqrt(2.0 / 3), Summarize([1e9 + 1, 1e9 + 2, 1e9 + 3]).StandardDeviation, 1e-15);
    }

    [Fact]
    public void The_summary_does_not_depend_on_the_order_of_the_values()
    {
        var values = RandomSamples.LogNormal(50_000, seed: 6).Concat(RandomSamples.Normal(50_000, -3, 1, seed: 7)).ToArray();

        Assert.Equal(SummaryJson.Of(Summarize(values)), SummaryJson.Of(Summarize(RandomSamples.Shuffled(values, seed: 8))));
    }

    [Theory]
    [InlineData(1_000)]    // every partition and the union stay exact
    [InlineData(100_000)]  // partitions and union are sketched
    [InlineData(5_000)]    // partitions exact, their union over the cap
    public void Merging_partitions_gives_exactly_what_one_pass_gives(int count)
    {
        var values = RandomSamples.Normal(count, 10, 3, seed: 9);
        var partitions = values.Chunk(count / 3 + 1).Select(chunk =>
        {
            var partition = new NumericAccumulator();
            foreach (var value in chunk) partition.Add(value);
            partition.AddMissing();
            return partition;
        }).ToList();

        var merged = new NumericAccumulator();
        foreach (var partition in partitions) merged.Merge(partition);
        var single = new NumericAccumulator();
        foreach (var value in values) single.Add(value);
        foreach (var _ in partitions) single.AddMissing();

        Assert.Equal(SummaryJson.Of(single.Summarize()), SummaryJson.Of(merged.Summarize()));
    }

    [Theory]
    [InlineData(1_000)]    // exact counts
    [InlineData(100_000)]  // sketched
    public void Adding_blocks_gives_exactly_what_adding_one_by_one_gives(int count)
    {
        var values = RandomSamples.Normal(count, 0, 3, seed: 11).Select((value, i) => i % 7 == 0 ? -0.0 : i % 11 == 0 ? 0.0 : value).ToArray();
        var blocks = new NumericAccumulator();
        foreach (var block in values.Chunk(333)) blocks.AddRange(block);

        Assert.Equal(SummaryJson.Of(Summarize(values)), SummaryJson.Of(blocks.Summarize()));
    }

    [Fact]
    public void Adding_does_not_allocate_once_the_column_is_sketched()
    {
        var values = RandomSamples.Uniform(20_000, 1, 2, seed: 10);
        var accumulator = new NumericAccumulator();
        foreach (var value in values) accumulator.Add(value);

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var value in values) accumulator.Add(value);

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
