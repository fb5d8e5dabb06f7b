using MlopsBuild.Data.Statistics;

namespace MlopsBuild.Data.Tests.Statistics;

public sealed class HyperLogLogTests
{
    static HyperLogLog Of(IEnumerable<long> values)
    {
        var sketch = new HyperLogLog();
        foreach (var value in values) sketch.Add(StableHash.Mix((ulong)value));
        return sketch;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_000)]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    public void Estimates_are_within_two_percent(int distinct)
    {
        var estimate = Of(Enumerable.Range(0, distinct).Select(i => (long)i)).Estimate();

        Assert.InRange(estimate, distinct * 0.98, distinct * 1.02);
    }

    [Fact]
    public void Repeated_values_do_not_change_the_estimate()
    {
        var once = Of(Enumerable.Range(0, 50_000).Select(i => (long)i)).Estimate();
        var thrice = Of(Enumerable.Range(0, 150_000).Select(i => (long)(i % 50_000))).Estimate();

        Assert.Equal(once, thrice);
    }

    [Fact]
    public void A_merge_estimates_the_union()
    {
        var merged = Of(Enumerable.Range(0, 60_000).Select(i => (long)i));
        merged.Merge(Of(Enumerable.Range(40_000, 60_000).Select(i => (long)i)));

        Assert.Equal(Of(Enumerable.Range(0, 100_000).Select(i => (long)i)).Estimate(), merged.Estimate());
    }
}
