using System.Numerics;
using System.Runtime.InteropServices;

namespace MlopsBuild.Learning.Linear;

/// <summary>
/// The two loops the loss evaluation spends its time in, vectorised over rows: float features are widened to
/// double so that sums keep double precision.
/// </summary>
internal static class ColumnKernels
{
    /// <summary>margins[i] += weight × values[i].</summary>
    public static void AddScaled(Span<double> margins, ReadOnlySpan<float> values, double weight)
    {
        ref var margin = ref MemoryMarshal.GetReference(margins);
        ref var value = ref MemoryMarshal.GetReference(values);
        var n = values.Length;
        var i = 0;
        var floats = Vector<float>.Count;
        var doubles = Vector<double>.Count;
        var scale = new Vector<double>(weight);
        for (; i <= n - floats; i += floats)
        {
            Vector.Widen(Vector.LoadUnsafe(ref value, (nuint)i), out var low, out var high);
            (Vector.LoadUnsafe(ref margin, (nuint)i) + scale * low).StoreUnsafe(ref margin, (nuint)i);
            (Vector.LoadUnsafe(ref margin, (nuint)(i + doubles)) + scale * high).StoreUnsafe(ref margin, (nuint)(i + doubles));
        }
        for (; i < n; i++) margins[i] += weight * values[i];
    }

    /// <summary>Σ residuals[i] × values[i].</summary>
    public static double Dot(ReadOnlySpan<double> residuals, ReadOnlySpan<float> values)
    {
        ref var residual = ref MemoryMarshal.GetReference(residuals);
        ref var value = ref MemoryMarshal.GetReference(values);
        var n = values.Length;
        var i = 0;
        var floats = Vector<float>.Count;
        var doubles = Vector<double>.Count;
        var sumLow = Vector<double>.Zero;
        var sumHigh = Vector<double>.Zero;
        for (; i <= n - floats; i += floats)
        {
            Vector.Widen(Vector.LoadUnsafe(ref value, (nuint)i), out var low, out var high);
            sumLow += Vector.LoadUnsafe(ref residual, (nuint)i) * low;
            sumHigh += Vector.LoadUnsafe(ref residual, (nuint)(i + doubles)) * high;
        }
        var sum = Vector.Sum(sumLow + sumHigh);
        for (; i < n; i++) sum += residuals[i] * values[i];
        return sum;
    }

    /// <summary>Σ values[i].</summary>
    public static double Sum(ReadOnlySpan<double> values)
    {
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
        var total = Vector<double>.Zero;
        foreach (var vector in vectors) total += vector;
        var sum = Vector.Sum(total);
        for (var i = vectors.Length * Vector<double>.Count; i < values.Length; i++) sum += values[i];
        return sum;
    }
}
