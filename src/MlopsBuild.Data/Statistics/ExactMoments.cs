using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
    // Value n goes to lane n mod Lanes, and Σx² takes two additions per value: folding every FoldInterval·Lanes/2
    // values keeps every lane of both sums within its limit.
    const int ValuesBetweenFolds = ExactSum.FoldInterval * ExactSum.Lanes / 2;

    // Squares span twice the binary orders of magnitude of the values, and their rounding errors lie 53+ orders lower.
    readonly ExactSum _sum = new(windowExponents: 64);
    readonly ExactSum _sumOfSquares = new(windowExponents: 256);
    bool _squareOverflowed;

    public long Count { get; private set; }

    /// <summary>Adds a finite value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value)
    {
        AddToLane(value, (int)Count);
        if ((++Count & (ValuesBetweenFolds - 1)) == 0) Fold();
    }

    /// <summary>Adds finite values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first batch on: no unoptimised first tier
    public void AddRange(ReadOnlySpan<double> values)
    {
        while (!values.IsEmpty)
        {
            // Up to the next fold.
            var take = (int)Math.Min(values.Length, ValuesBetweenFolds - (Count & (ValuesBetweenFolds - 1)));
            AddBlock(values[..take]);
            Count += take;
            if ((Count & (ValuesBetweenFolds - 1)) == 0) Fold();
            values = values[take..];
        }
    }

    /// <summary>
    /// Adds at most <see cref="ValuesBetweenFolds"/> values, four at a time: x, x² and x² − x·x of each value go to the
    /// integers of their exponents, in the value's lane (consecutive values mostly share their exponents, and separate
    /// integers let those additions overlap). Vector instructions work out every term's window index and signed
    /// significand; only the additions to the window are scalar. Four values with a term outside its window, the last
    /// few values, and every value where 256-bit vectors or fused multiply-adds would be emulated, go through
    /// <see cref="AddToLane"/>. (Eight values to a 512-bit vector were no faster: a whole validation took 606 ms with
    /// eight and 609 with four, as the scalar additions dominate.)
    /// </summary>
    void AddBlock(ReadOnlySpan<double> values)
    {
        var sums = _sum.Window;
        var squares = _sumOfSquares.Window;
        var sumBase = Vector256.Create((long)_sum.WindowBase);
        var squareBase = Vector256.Create((long)_sumOfSquares.WindowBase);
        var sumSlots = Vector256.Create((ulong)(sums.Length / ExactSum.Lanes));
        var squareSlots = Vector256.Create((ulong)(squares.Length / ExactSum.Lanes));
        var firstLane = (int)Count;
        // Four values starting at a multiple of four take lanes firstLane, firstLane + 1, … (mod Lanes).
        var lanes = (Vector256.Create((long)firstLane) + Vector256.Create(0L, 1, 2, 3)) & Vector256.Create((long)ExactSum.Lanes - 1);
        Span<long> indices = stackalloc long[3 * Vector256<long>.Count];
        Span<long> terms = stackalloc long[3 * Vector256<long>.Count];
        ref var sum = ref MemoryMarshal.GetReference(sums);
        ref var square = ref MemoryMarshal.GetReference(squares);

        var vectorEnd = Vector256.IsHardwareAccelerated && Fma.IsSupported ? values.Length - Vector256<double>.Count : -1;
        var i = 0;
        for (; i <= vectorEnd; i += Vector256<double>.Count)
        {
            var value = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(values), (nuint)i);
            var product = value * value;
            var error = Vector256.FusedMultiplyAdd(value, value, -product);
            var (valueSlot, valueTerm) = Terms(value.AsInt64(), sumBase);
            var (productSlot, productTerm) = Terms(product.AsInt64(), squareBase);
            var (errorSlot, errorTerm) = Terms(error.AsInt64(), squareBase);
            var inside = Vector256.LessThan(valueSlot.AsUInt64(), sumSlots)
                         & Vector256.LessThan(productSlot.AsUInt64(), squareSlots)
                         & Vector256.LessThan(errorSlot.AsUInt64(), squareSlots);
            if (inside != Vector256<ulong>.AllBitsSet)
            {
                for (var k = i; k < i + Vector256<double>.Count; k++) AddToLane(values[k], firstLane + k);
                continue;
            }
            ((valueSlot << ExactSum.LaneBits) + lanes).CopyTo(indices);
            ((productSlot << ExactSum.LaneBits) + lanes).CopyTo(indices[4..]);
            ((errorSlot << ExactSum.LaneBits) + lanes).CopyTo(indices[8..]);
            valueTerm.CopyTo(terms);
            productTerm.CopyTo(terms[4..]);
            errorTerm.CopyTo(terms[8..]);
            // The indices were checked against the windows above.
            for (var k = 0; k < Vector256<long>.Count; k++)
            {
                Unsafe.Add(ref sum, (nint)indices[k]) += terms[k];
                Unsafe.Add(ref square, (nint)indices[4 + k]) += terms[4 + k];
                Unsafe.Add(ref square, (nint)indices[8 + k]) += terms[8 + k];
            }
        }
        for (; i < values.Length; i++) AddToLane(values[i], firstLane + i);
    }

    /// <summary>Each term's window slot (relative to <paramref name="windowBase"/>) and signed significand; ±0 is 0 in slot 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static (Vector256<long> Slot, Vector256<long> Term) Terms(Vector256<long> bits, Vector256<long> windowBase)
    {
        var zero = Vector256.Equals(bits << 1, Vector256<long>.Zero);
        var slot = ((bits.AsUInt64() >>> 52).AsInt64() & Vector256.Create(0x7FFL)) - windowBase;
        var significand = (bits & Vector256.Create((1L << 52) - 1)) | Vector256.Create(1L << 52);
        var sign = bits >> 63; // 0 or −1: (x ^ sign) − sign negates x for negative values without a branch
        return (Vector256.AndNot(slot, zero), Vector256.AndNot((significand ^ sign) - sign, zero));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void AddToLane(double value, int lane)
    {
        _sum.Add(value, lane);
        var square = value * value;
        if (double.IsFinite(square))
        {
            _sumOfSquares.Add(square, lane);
            _sumOfSquares.Add(Math.FusedMultiplyAdd(value, value, -square), lane);
        }
        else
        {
            _squareOverflowed = true;
        }
    }

    void Fold()
    {
        _sum.Fold();
        _sumOfSquares.Fold();
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
