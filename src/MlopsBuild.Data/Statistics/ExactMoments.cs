using System.Numerics;
using System.Runtime.CompilerServices;

namespace MlopsBuild.Data.Statistics;

/// <summary>
/// Count, Σx and Σx² kept exactly, so the mean and standard deviation are a function of the multiset of values alone:
/// identical bits whatever the row order or partitioning, where Welford's update and Chan's merge would differ in the
/// last bits (and cost about the same: ~6 ns a value measured, for ~5 ns). x² is split exactly into x·x + fma(x, x, −x·x),
/// which holds for 1e-150 ≲ |x| ≲ 1e150 (below, the tiny squares lose bits, still deterministically; above, x·x
/// overflows and the standard deviation becomes +∞).
/// </summary>
internal sealed class ExactMoments
{
    // Σx² takes two additions per value: folding every FoldInterval/2 values keeps both sums within their limit.
    const int ValuesBetweenFolds = ExactSum.FoldInterval / 2;

    // Squares span twice the binary orders of magnitude of the values, and their rounding errors lie 53+ orders lower.
    readonly ExactSum _sum = new(windowExponents: 64);
    readonly ExactSum _sumOfSquares = new(windowExponents: 256);
    bool _squareOverflowed;

    public long Count { get; private set; }

    /// <summary>Adds a finite value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value)
    {
        _sum.Add(value);
        var square = value * value;
        if (double.IsFinite(square))
        {
            _sumOfSquares.Add(square);
            _sumOfSquares.Add(Math.FusedMultiplyAdd(value, value, -square));
        }
        else
        {
            _squareOverflowed = true;
        }
        if ((++Count & (ValuesBetweenFolds - 1)) == 0)
        {
            _sum.Fold();
            _sumOfSquares.Fold();
        }
    }

    /// <summary>Adds finite values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first batch on: no unoptimised first tier
    public void AddRange(ReadOnlySpan<double> values)
    {
        foreach (var value in values) Add(value);
    }

    public void Merge(ExactMoments other)
    {
        Count += other.Count;
        _sum.Merge(other._sum);
        _sumOfSquares.Merge(other._sumOfSquares);
        _squareOverflowed |= other._squareOverflowed;
    }

    public double Mean() => ExactRatio.ToDouble(_sum.ToScaledInteger(), new BigInteger(Count) << ExactSum.ScaleBits);

    /// <summary>The population standard deviation, √(Σ(x−mean)²/n), from (n·Σx² − (Σx)²) / n² computed exactly.</summary>
    public double StandardDeviation()
    {
        if (_squareOverflowed) return double.PositiveInfinity;
        var n = new BigInteger(Count);
        var sum = _sum.ToScaledInteger();
        // Σx = sum/2^s and Σx² = squares/2^s, so n·Σx² − (Σx)² = (n·squares·2^s − sum²) / 2^2s.
        var numerator = ((n * _sumOfSquares.ToScaledInteger()) << ExactSum.ScaleBits) - sum * sum;
        var variance = ExactRatio.ToDouble(numerator, (n * n) << (2 * ExactSum.ScaleBits));
        return Math.Sqrt(variance);
    }
}
