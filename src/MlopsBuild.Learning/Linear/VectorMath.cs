using System.Numerics;
using System.Runtime.CompilerServices;

namespace MlopsBuild.Learning.Linear;

/// <summary>
/// exp and log for the row losses, vectorised with plain arithmetic and bit operations (the framework's
/// Vector.Exp/Log fall back to slow per-element code on AVX2 machines). Accurate to a few ulps over the ranges the
/// losses use; each lane is computed independently, so a value gives the same bits in any lane.
/// </summary>
internal static class VectorMath
{
    const double Log2E = 1.4426950408889634;
    // ln 2 split so that k × Ln2High is exact for the k that occur (|k| < 2¹¹).
    const double Ln2High = 0.693147180369123816490;
    const double Ln2Low = 1.90821492927058770002e-10;
    // Adding 1.5 × 2⁵² rounds a double to an integer held in the low mantissa bits.
    const double RoundingMagic = 6755399441055744.0;
    const double Sqrt2 = 1.4142135623730951;

    /// <summary>e^x for x ≤ 0 (results below 2⁻¹⁰²² flush to 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector<double> ExpNonPositive(Vector<double> x)
    {
        var underflow = Vector.LessThan(x, new Vector<double>(-708.0));
        var rounded = x * new Vector<double>(Log2E) + new Vector<double>(RoundingMagic);
        var k = rounded - new Vector<double>(RoundingMagic);
        var r = x - k * new Vector<double>(Ln2High) - k * new Vector<double>(Ln2Low);
        // Taylor series of e^r to r¹³: |r| ≤ ln2 / 2 leaves a remainder below 2e-16.
        var p = new Vector<double>(1.0 / 6227020800.0);
        p = p * r + new Vector<double>(1.0 / 479001600.0);
        p = p * r + new Vector<double>(1.0 / 39916800.0);
        p = p * r + new Vector<double>(1.0 / 3628800.0);
        p = p * r + new Vector<double>(1.0 / 362880.0);
        p = p * r + new Vector<double>(1.0 / 40320.0);
        p = p * r + new Vector<double>(1.0 / 5040.0);
        p = p * r + new Vector<double>(1.0 / 720.0);
        p = p * r + new Vector<double>(1.0 / 120.0);
        p = p * r + new Vector<double>(1.0 / 24.0);
        p = p * r + new Vector<double>(1.0 / 6.0);
        p = p * r + new Vector<double>(0.5);
        p = p * r + Vector<double>.One;
        p = p * r + Vector<double>.One;
        // 2^k: the integer k sits in the low bits of `rounded`; move it, biased, into the exponent field.
        var exponent = Vector.AsVectorInt64(rounded) - Vector.AsVectorInt64(new Vector<double>(RoundingMagic)) + new Vector<long>(1023);
        var power = Vector.AsVectorDouble(Vector.ShiftLeft(exponent, 52));
        return Vector.ConditionalSelect(underflow, Vector<double>.Zero, p * power);
    }

    /// <summary>ln x for finite x ≥ 2⁻¹⁰²² (normal numbers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector<double> Log(Vector<double> x)
    {
        var bits = Vector.AsVectorInt64(x);
        // x = 2^e × m with m in [1, 2); then m is moved to [√½, √2) so that the series below converges fast.
        var mantissa = Vector.AsVectorDouble((bits & new Vector<long>(0x000F_FFFF_FFFF_FFFFL)) | Vector.AsVectorInt64(Vector<double>.One));
        var biasedExponent = Vector.ShiftRightLogical(bits, 52) + Vector.AsVectorInt64(new Vector<double>(4503599627370496.0));
        var e = Vector.AsVectorDouble(biasedExponent) - new Vector<double>(4503599627370496.0 + 1023);
        var high = Vector.GreaterThan(mantissa, new Vector<double>(Sqrt2));
        mantissa = Vector.ConditionalSelect(high, mantissa * new Vector<double>(0.5), mantissa);
        e = Vector.ConditionalSelect(high, e + Vector<double>.One, e);
        // ln m = 2 atanh(s) = 2 (s + s³/3 + s⁵/5 + …) with s = (m − 1) / (m + 1), |s| ≤ 0.172: terms to s²³ suffice.
        var s = (mantissa - Vector<double>.One) / (mantissa + Vector<double>.One);
        var s2 = s * s;
        var p = new Vector<double>(1.0 / 23);
        p = p * s2 + new Vector<double>(1.0 / 21);
        p = p * s2 + new Vector<double>(1.0 / 19);
        p = p * s2 + new Vector<double>(1.0 / 17);
        p = p * s2 + new Vector<double>(1.0 / 15);
        p = p * s2 + new Vector<double>(1.0 / 13);
        p = p * s2 + new Vector<double>(1.0 / 11);
        p = p * s2 + new Vector<double>(1.0 / 9);
        p = p * s2 + new Vector<double>(1.0 / 7);
        p = p * s2 + new Vector<double>(1.0 / 5);
        p = p * s2 + new Vector<double>(1.0 / 3);
        var lnMantissa = new Vector<double>(2.0) * (s + s * s2 * p);
        return e * new Vector<double>(Ln2High) + (lnMantissa + e * new Vector<double>(Ln2Low));
    }
}
