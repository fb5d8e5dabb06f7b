using MlopsBuild.Data.Statistics;

namespace MlopsBuild.Data.Tests.Statistics;

public sealed class ExactMomentsTests
{
    static ExactMoments Moments(IEnumerable<double> values)
    {
        var moments = new ExactMoments();
        foreach (var value in values) moments.Add(value);
        return moments;
    }

    [Fact]
    public void The_mean_of_dyadic_values_equals_the_decimal_mean()
    {
        // Multiples of 1/1024 are exact in both double and decimal, so decimal arithmetic is an exact reference here.
        var random = new Random(14);
        var values = Enumerable.Range(0, 100_000).Select(_ => random.Next(-5_000_000, 5_000_000) / 1024.0).ToArray();
        var decimalMean = values.Select(value => (decimal)value).Sum() / values.Length;

        Assert.Equal((double)decimalMean, Moments(values).Mean(), 1e-15 * Math.Abs((double)decimalMean));
    }

    [Fact]
    public void Sums_are_exact_across_the_whole_exponent_range()
    {
        // The first value places the fast window near the top exponent: the rest take the exact slow path.
        double[] values = [double.MaxValue, -double.MaxValue, 1e-320, 3, -1e-320, double.Epsilon, -double.Epsilon];

        Assert.Equal(3.0 / 7, Moments(values).Mean());
    }

    [Fact]
    public void More_additions_than_the_fold_interval_stay_exact()
    {
        var values = Enumerable.Repeat(double.MaxValue / 4, 5_000).Concat(Enumerable.Repeat(-double.MaxValue / 4, 4_999)).ToArray();

        Assert.Equal(double.MaxValue / 4 / values.Length, Moments(values).Mean());
    }

    [Fact]
    public void Merged_moments_equal_those_of_one_pass_bit_for_bit()
    {
        var values = RandomSamples.LogNormal(30_000, seed: 15);
        var merged = new ExactMoments();
        foreach (var chunk in values.Chunk(4_321)) merged.Merge(Moments(chunk));
        var single = Moments(values);

        Assert.Equal(single.Mean(), merged.Mean());
        Assert.Equal(single.StandardDeviation(), merged.StandardDeviation());
    }

    [Fact]
    public void A_square_that_overflows_makes_the_standard_deviation_infinite()
    {
        Assert.Equal(double.PositiveInfinity, Moments([1e200, -1e200]).StandardDeviation());
    }
}
