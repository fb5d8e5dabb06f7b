using MlopsBuild.Data.Statistics;

namespace MlopsBuild.Data.Drift;

/// <summary>How far a current distribution is from a reference one (the measures Evidently uses for drift tests).</summary>
public static class DriftMeasures
{
    /// <summary>The smallest share a PSI bin counts with (Evidently's 0.0001), so an empty bin gives a large but finite term.</summary>
    public const double PsiMinimumShare = 1e-4;

    const int PsiBins = 10;

    /// <summary>
    /// Population stability index Σ (cur − ref)·ln(cur/ref) over 10 bins cut at the reference's deciles; each side's
    /// bin shares come from its own percentile CDF (see <see cref="PercentileCdf"/>), floored at <see cref="PsiMinimumShare"/>.
    /// </summary>
    /// <param name="referencePercentiles">The 0th..100th percentiles (101 values), as in NumericSummary.Percentiles.</param>
    public static double PopulationStabilityIndex(IReadOnlyList<double> referencePercentiles, IReadOnlyList<double> currentPercentiles)
    {
        var reference = new PercentileCdf(referencePercentiles, nameof(referencePercentiles));
        var current = new PercentileCdf(currentPercentiles, nameof(currentPercentiles));
        var step = (referencePercentiles.Count - 1) / PsiBins;
        var cuts = Enumerable.Range(1, PsiBins - 1).Select(i => referencePercentiles[i * step]).ToList();

        var psi = 0.0;
        for (var bin = 0; bin < PsiBins; bin++)
        {
            var referenceShare = Math.Max(ShareOfBin(reference, cuts, bin), PsiMinimumShare);
            var currentShare = Math.Max(ShareOfBin(current, cuts, bin), PsiMinimumShare);
            psi += (currentShare - referenceShare) * Math.Log(currentShare / referenceShare);
        }
        return psi;
    }

    /// <summary>
    /// The Kolmogorov–Smirnov statistic sup |F_ref(x) − F_cur(x)|, both CDFs interpolated linearly between percentiles;
    /// the supremum is reached at one of the percentile points (from the left or the right).
    /// </summary>
    public static double KolmogorovSmirnov(IReadOnlyList<double> referencePercentiles, IReadOnlyList<double> currentPercentiles)
    {
        var reference = new PercentileCdf(referencePercentiles, nameof(referencePercentiles));
        var current = new PercentileCdf(currentPercentiles, nameof(currentPercentiles));
        var statistic = 0.0;
        foreach (var x in referencePercentiles.Concat(currentPercentiles))
        {
            statistic = Math.Max(statistic, Math.Abs(reference.At(x) - current.At(x)));
            statistic = Math.Max(statistic, Math.Abs(reference.Before(x) - current.Before(x)));
        }
        return statistic;
    }

    /// <summary>√(Jensen–Shannon divergence) with base-2 logarithms: 0 for equal shares, 1 for disjoint categories.</summary>
    public static double JensenShannonDistance(IReadOnlyList<ValueCount> reference, IReadOnlyList<ValueCount> current)
    {
        var divergence = 0.0;
        foreach (var (p, q) in CategoryShares.Of(reference, current))
        {
            var mixture = (p + q) / 2;
            if (p > 0) divergence += p / 2 * Math.Log2(p / mixture);
            if (q > 0) divergence += q / 2 * Math.Log2(q / mixture);
        }
        return Math.Sqrt(Math.Clamp(divergence, 0, 1));
    }

    /// <summary>The largest change of one category's share: max |p_ref(v) − p_cur(v)| over the union of categories.</summary>
    public static double LInfinity(IReadOnlyList<ValueCount> reference, IReadOnlyList<ValueCount> current) =>
        CategoryShares.Of(reference, current).Max(shares => Math.Abs(shares.Reference - shares.Current));

    /// <summary>Bin 0 is (−∞, cut 0], bin i is (cut i−1, cut i], the last is (last cut, ∞).</summary>
    static double ShareOfBin(PercentileCdf cdf, IReadOnlyList<double> cuts, int bin)
    {
        var upTo = bin < cuts.Count ? cdf.At(cuts[bin]) : 1;
        var from = bin > 0 ? cdf.At(cuts[bin - 1]) : 0;
        return upTo - from;
    }
}
