using System.Numerics;

namespace MlopsBuild.Data.Statistics;

internal static class ExactRatio
{
    /// <summary>
    /// numerator / denominator (denominator positive) rounded once to the nearest double (ties to even), except for
    /// subnormal results, which may be rounded twice.
    /// </summary>
    public static double ToDouble(BigInteger numerator, BigInteger denominator)
    {
        if (numerator.IsZero) return 0;
        var magnitude = BigInteger.Abs(numerator);
        // Scale so the integer quotient has 62 or 63 bits: far more than the 53 kept, so setting its lowest bit for a
        // non-zero remainder (a "sticky" bit) makes the one hardware rounding of long -> double correct.
        var shift = 62 - (int)(magnitude.GetBitLength() - denominator.GetBitLength());
        var quotient = shift >= 0
            ? BigInteger.DivRem(magnitude << shift, denominator, out var remainder)
            : BigInteger.DivRem(magnitude, denominator << -shift, out remainder);
        var bits = (long)quotient;
        if (!remainder.IsZero) bits |= 1;
        var result = Math.ScaleB((double)bits, -shift);
        return numerator.Sign < 0 ? -result : result;
    }
}
