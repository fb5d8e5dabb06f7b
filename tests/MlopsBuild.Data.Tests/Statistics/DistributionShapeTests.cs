using MlopsBuild.Data.Statistics;

namespace MlopsBuild.Data.Tests.Statistics;

public sealed class DistributionShapeTests
{
    [Fact]
    public void Percentile_p_is_the_value_of_rank_p_times_n_minus_one_over_100_rounded_down()
    {
        var ascending = Enumerable.Range(1, 10).Select(value => ((double)value, 1L));

        var percentiles = DistributionShape.Percentiles(ascending, 10, 1, 10);

        Assert.Equal([1, 1, 2, 5, 9, 10], new[] { 0, 11, 12, 50, 99, 100 }.Select(p => percentiles[p]));
    }

    [Fact]
    public void Ranks_of_counts_near_the_largest_long_do_not_overflow()
    {
        // 9·10^18 values: p·(n − 1) overflows a long from the 2nd percentile on.
        const long third = 3_000_000_000_000_000_000;
        (double, long)[] ascending = [(1, third), (2, third), (3, third)];

        var percentiles = DistributionShape.Percentiles(ascending, 3 * third, 1, 3);

        Assert.Equal([1, 1, 2, 2, 2, 3, 3], new[] { 1, 33, 34, 50, 66, 67, 99 }.Select(p => percentiles[p]));
    }
}
