using MlopsBuild.Data.Statistics;

namespace MlopsBuild.Data.Tests.Statistics;

public sealed class CategoricalAccumulatorTests
{
    static CategoricalAccumulator Accumulate(IEnumerable<string?> values, int maxTrackedCategories = CategoricalAccumulator.MaxTrackedCategories)
    {
        var accumulator = new CategoricalAccumulator(maxTrackedCategories);
        foreach (var value in values)
        {
            if (value is null) accumulator.AddMissing();
            else accumulator.Add(value);
        }
        return accumulator;
    }

    [Fact]
    public void Counts_frequencies_top_values_and_lengths()
    {
        string?[] values = ["b", "a", "ccc", "b", null, "a", "dd", "b", null];

        var summary = Accumulate(values).Summarize(topValues: 3);

        Assert.Equal((7, 2, 4, false), (summary.Count, summary.Missing, summary.DistinctCount, summary.DistinctIsEstimate));
        Assert.Equal([new("b", 3), new("a", 2), new("ccc", 1)], summary.TopValues);
        Assert.Equal([new("a", 2), new("b", 3), new("ccc", 1), new("dd", 1)], summary.Frequencies);
        Assert.Equal(10.0 / 7, summary.MeanLength);
        Assert.Equal(3, summary.MaxLength);
    }

    [Fact]
    public void Frequencies_are_in_ordinal_order()
    {
        var summary = Accumulate(["é", "b", "B", "a", "_x", "Z"]).Summarize();

        Assert.Equal(["B", "Z", "_x", "a", "b", "é"], summary.Frequencies.Select(frequency => frequency.Value));
    }

    [Fact]
    public void A_column_without_values_has_no_lengths()
    {
        var summary = Accumulate([null, null]).Summarize();

        Assert.Equal((0, 2, 0), (summary.Count, summary.Missing, summary.DistinctCount));
        Assert.Null(summary.MeanLength);
        Assert.Null(summary.MaxLength);
        Assert.Empty(summary.Frequencies);
    }

    [Fact]
    public void Beyond_the_cap_the_rest_is_counted_as_other_and_the_distinct_count_is_estimated()
    {
        var values = Enumerable.Range(0, 30_000).Select(i => $"customer-{i % 25_000}").ToArray();

        var summary = Accumulate(values).Summarize();

        Assert.Equal(CategoricalAccumulator.MaxTrackedCategories + 1, summary.Frequencies.Count);
        var other = summary.Frequencies[^1];
        Assert.Equal(CategoricalSummary.OtherValue, other.Value);
        Assert.Equal(values.Length, summary.Frequencies.Sum(frequency => frequency.Count));
        Assert.True(summary.DistinctIsEstimate);
        Assert.InRange(summary.DistinctCount, 25_000 * 0.98, 25_000 * 1.02);
    }

    [Fact]
    public void Tracked_categories_keep_exact_counts_beyond_the_cap()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => $"v{i % 50}{(i % 3 == 0 ? "" : "-rare" + i)}").ToArray();
        var exact = values.GroupBy(value => value).ToDictionary(group => group.Key, group => (long)group.Count());

        var summary = Accumulate(values, maxTrackedCategories: 100).Summarize();

        Assert.Equal(101, summary.Frequencies.Count);
        Assert.All(summary.Frequencies.SkipLast(1), frequency => Assert.Equal(exact[frequency.Value], frequency.Count));
    }

    [Theory]
    [InlineData(50)]      // under the cap everywhere
    [InlineData(1_000)]   // partitions under the cap, their union over it
    [InlineData(5_000)]   // partitions over the cap
    public void Merging_partitions_gives_exactly_what_one_pass_gives_in_any_order(int distinct)
    {
        // In blocks: a partition of 6,000 rows holds 30% of the categories.
        var values = Enumerable.Range(0, 20_000).Select(i => i % 17 == 0 ? null : $"c{(long)i * distinct / 20_000}").ToArray();

        var single = Accumulate(values, maxTrackedCategories: 400).Summarize();
        var shuffled = Accumulate(RandomSamples.Shuffled(values, seed: 17), maxTrackedCategories: 400).Summarize();
        var merged = new CategoricalAccumulator(400);
        foreach (var chunk in values.Chunk(6_000)) merged.Merge(Accumulate(chunk, maxTrackedCategories: 400));

        Assert.Equal(SummaryJson.Of(single), SummaryJson.Of(shuffled));
        Assert.Equal(SummaryJson.Of(single), SummaryJson.Of(merged.Summarize()));
    }

    [Fact]
    public void Adding_a_value_already_seen_does_not_allocate()
    {
        var accumulator = Accumulate(["red", "green", "blue"]);
        var row = "id,green,3.5".AsSpan();
        accumulator.Add(row[3..8]);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++) accumulator.Add(row[3..8]);

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(1_002, accumulator.Summarize().Frequencies.Single(frequency => frequency.Value == "green").Count);
    }
}
