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
    public void Adding_spans_equals_adding_one_by_one_bit_for_bit()
    {
        // Zeros, whole numbers (whose squares are exact), subnormals, squares that underflow, values far outside the
        // first value's window, and spans of every length across the folds: the span path's lanes and fallbacks.
        var random = new Random(16);
        double[] specials = [0, -0.0, 7, -12, double.Epsilon, 1e-310, 1e-170, -3e-160, 1e120, -2e140];
        var values = RandomSamples.LogNormal(40_000, seed: 17)
            .Select((value, i) => i % 7 == 0 ? specials[random.Next(specials.Length)] : i % 2 == 0 ? -value : value)
            .ToArray();
        var spans = new ExactMoments();
        for (var start = 0; start < values.Length;)
        {
            var length = Math.Min(values.Length - start, random.Next(1, 3_000));
            spans.AddRange(values.AsSpan(start, length));
            start += length;
        }
        var single = Moments(values);

        Assert.Equal(single.Count, spans.Count);
        Assert.Equal(single.Mean(), spans.Mean());
        Assert.Equal(single.StandardDeviation(), spans.StandardDeviation());
    }

    [Fact]
    public void The_standard_deviation_of_values_far_from_zero_keeps_every_bit_of_the_squares()
    {
        // x = 2^27 + k/1024 has 37 significant bits, so x² needs 74: without the rounding errors of the squares, Σx²
        // would be off by ~2 per value, far more than the variance of ~0.08. The variance is that of k/1024, which
        // decimal arithmetic computes exactly (a double converted to decimal would keep only 15 digits).
        var random = new Random(18);
        var offsets = Enumerable.Range(0, 20_000).Select(_ => random.Next(0, 1_000) / 1024m).ToArray();
        var values = offsets.Select(offset => (1 << 27) + (double)offset).ToArray();
        var mean = offsets.Sum() / offsets.Length;
        var variance = offsets.Select(offset => (offset - mean) * (offset - mean)).Sum() / offsets.Length;
        var moments = new ExactMoments();
        moments.AddRange(values);

        Assert.Equal(Math.Sqrt((double)variance), moments.StandardDeviation(), 1e-12);
    }

    [Fact]
    public void More_span_additions_than_the_fold_interval_stay_exact()
    {
        var values = Enumerable.Repeat(double.MaxValue / 4, 5_000).Concat(Enumerable.Repeat(-double.MaxValue / 4, 4_999)).ToArray();
        var moments = new ExactMoments();
        moments.AddRange(values);

        Assert.Equal(double.MaxValue / 4 / values.Length, moments.Mean());
    }

    [Fact]
    public void Span_additions_of_full_significands_stay_exact_in_every_lane()
    {
        // The largest double below 2: its significand and its square's are all ones or nearly, so each lane's integers
        // come within a factor of two of overflowing between folds, and one lane taking the additions of all four would.
        var values = Enumerable.Repeat(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(2.0) - 1), 10_000).ToArray();
        var moments = new ExactMoments();
        moments.AddRange(values);

        Assert.Equal(values[0], moments.Mean());
        Assert.Equal(0, moments.StandardDeviation());
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
