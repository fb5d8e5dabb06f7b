using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MlopsBuild.Data.Statistics;

/// <summary>Vectorised checks over blocks of doubles.</summary>
internal static class FiniteValues
{
    /// <summary>
    /// Widens [min, max] to the values (−0 counted as +0) when they are all finite; changes nothing and returns false
    /// otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first batch on: no unoptimised first tier
    public static bool TryMinMax(ReadOnlySpan<double> values, ref double min, ref double max)
    {
        var infinity = Vector256.Create(double.PositiveInfinity);
        var zero = Vector256<double>.Zero;
        var low = Vector256.Create(min);
        var high = Vector256.Create(max);
        var notFinite = Vector256<double>.Zero;
        var whole = values.Length - values.Length % Vector256<double>.Count;
        var vectors = MemoryMarshal.Cast<double, Vector256<double>>(values[..whole]);
        foreach (var vector in vectors)
        {
            var value = vector + zero; // −0 + 0 is +0
            notFinite |= ~Vector256.LessThan(Vector256.Abs(value), infinity); // NaN compares false too
            low = Vector256.MinNative(low, value);
            high = Vector256.MaxNative(high, value);
        }
        if (notFinite != Vector256<double>.Zero) return false;
        foreach (var value in values[whole..])
            if (!double.IsFinite(value)) return false;

        var newMin = Math.Min(low.ToScalar(), min);
        var newMax = Math.Max(high.ToScalar(), max);
        for (var lane = 1; lane < Vector256<double>.Count; lane++)
        {
            newMin = Math.Min(newMin, low.GetElement(lane));
            newMax = Math.Max(newMax, high.GetElement(lane));
        }
        foreach (var value in values[whole..])
        {
            newMin = Math.Min(newMin, value + 0.0);
            newMax = Math.Max(newMax, value + 0.0);
        }
        (min, max) = (newMin, newMax);
        return true;
    }

    /// <summary>True when every value lies in [min, max] (the values are finite).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first batch on: no unoptimised first tier
    public static bool AllWithin(ReadOnlySpan<double> values, double min, double max)
    {
        var low = Vector256.Create(min);
        var high = Vector256.Create(max);
        var outside = Vector256<double>.Zero.AsUInt64();
        var whole = values.Length - values.Length % Vector256<double>.Count;
        foreach (var vector in MemoryMarshal.Cast<double, Vector256<double>>(values[..whole]))
            outside |= (Vector256.LessThan(vector, low) | Vector256.GreaterThan(vector, high)).AsUInt64();
        if (outside != Vector256<ulong>.Zero) return false;
        foreach (var value in values[whole..])
            if (value < min || value > max) return false;
        return true;
    }
}
