using MlopsBuild.Data.Drift;
using MlopsBuild.Data.Statistics;
using MlopsBuild.Data.Tests.Statistics;

namespace MlopsBuild.Data.Tests.Drift;

public sealed class DriftMeasuresTests
{
    /// <summary>The exact percentiles of the uniform distribution on [from, to].</summary>
    static double[] UniformPercentiles(double from, double to) => Enumerable.Range(0, 101).Select(k => from + (to - from) * k / 100).ToArray();

    static IReadOnlyList<double> SketchedPercentiles(IEnumerable<double> values)
    {
        var accumulator = new NumericAccumulator();
        foreach (var value in values) accumulator.Add(value);
        return accumulator.Summarize().Percentiles;
    }

    [Fact]
    public void Identical_distributions_have_zero_psi_and_ks()
    {
        var percentiles = SketchedPercentiles(RandomSamples.LogNormal(50_000, seed: 20));

        Assert.Equal(0, DriftMeasures.PopulationStabilityIndex(percentiles, percentiles));
        Assert.Equal(0, DriftMeasures.KolmogorovSmirnov(percentiles, percentiles));
    }

    [Fact]
    public void Two_samples_of_one_distribution_have_small_psi_and_ks()
    {
        var reference = SketchedPercentiles(RandomSamples.Normal(100_000, 5, 2, seed: 21));
        var current = SketchedPercentiles(RandomSamples.Normal(100_000, 5, 2, seed: 22));

        Assert.InRange(DriftMeasures.PopulationStabilityIndex(reference, current), 0, 0.01);
        Assert.InRange(DriftMeasures.KolmogorovSmirnov(reference, current), 0, 0.02);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.37)]
    public void Ks_of_shifted_uniforms_is_the_shift(double shift)
    {
        var statistic = DriftMeasures.KolmogorovSmirnov(UniformPercentiles(0, 1), UniformPercentiles(shift, 1 + shift));

        Assert.Equal(shift, statistic, 1e-12);
    }

    [Fact]
    public void Ks_of_sketched_shifted_uniforms_is_close_to_the_shift()
    {
        var reference = SketchedPercentiles(RandomSamples.Uniform(100_000, 10, 20, seed: 23));
        var current = SketchedPercentiles(RandomSamples.Uniform(100_000, 12.5, 22.5, seed: 24));

        Assert.Equal(0.25, DriftMeasures.KolmogorovSmirnov(reference, current), 0.02);
    }

    [Fact]
    public void Ks_sees_a_jump_in_a_point_mass()
    {
        var constant = Enumerable.Repeat(3.0, 101).ToArray();

        Assert.Equal(1, DriftMeasures.KolmogorovSmirnov(constant, UniformPercentiles(5, 6)));
        Assert.Equal(0.5, DriftMeasures.KolmogorovSmirnov(constant, UniformPercentiles(2, 4)), 1e-12);
    }

    [Fact]
    public void Psi_of_a_half_shifted_uniform_matches_the_hand_computation()
    {
        // Reference U[0,100]: bins at its deciles 10..90 hold 10% each. Current U[50,150] puts nothing in the five bins
        // up to 50 (floored at 1e-4), 10% in each bin from 50 to 90, and 60% above 90.
        var expected = 5 * (1e-4 - 0.1) * Math.Log(1e-4 / 0.1) + (0.6 - 0.1) * Math.Log(0.6 / 0.1);

        var psi = DriftMeasures.PopulationStabilityIndex(UniformPercentiles(0, 100), UniformPercentiles(50, 150));

        Assert.Equal(expected, psi, 1e-9);
    }

    [Fact]
    public void Percentiles_of_the_wrong_length_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => DriftMeasures.KolmogorovSmirnov([1, 2, 3], UniformPercentiles(0, 1)));

        Assert.Equal("referencePercentiles", error.ParamName);
    }

    [Fact]
    public void Jensen_shannon_distance_is_zero_for_equal_shares_and_one_for_disjoint_categories()
    {
        Assert.Equal(0, DriftMeasures.JensenShannonDistance([new("a", 3), new("b", 1)], [new("b", 10), new("a", 30)]));
        Assert.Equal(1, DriftMeasures.JensenShannonDistance([new("a", 3), new("b", 1)], [new("c", 5)]), 1e-15);
    }

    [Fact]
    public void Jensen_shannon_distance_matches_the_hand_computation()
    {
        // p = (1, 0), q = (½, ½), m = (¾, ¼): JS = ½·log2(4/3) + ½·(½·log2(2/3) + ½·log2(2)).
        var divergence = 0.5 * Math.Log2(4.0 / 3) + 0.5 * (0.5 * Math.Log2(2.0 / 3) + 0.5);

        var distance = DriftMeasures.JensenShannonDistance([new("yes", 8)], [new("yes", 4), new("no", 4)]);

        Assert.Equal(Math.Sqrt(divergence), distance, 1e-15);
    }

    [Fact]
    public void L_infinity_is_the_largest_change_of_one_share()
    {
        ValueCount[] reference = [new("a", 50), new("b", 50)];
        ValueCount[] current = [new("a", 80), new("b", 10), new("c", 10)];

        Assert.Equal(0.4, DriftMeasures.LInfinity(reference, current), 1e-15);
    }

    [Fact]
    public void Categorical_measures_need_counts_on_both_sides()
    {
        var error = Assert.Throws<ArgumentException>(() => DriftMeasures.LInfinity([new("a", 1)], []));

        Assert.Equal("current", error.ParamName);
    }
}
