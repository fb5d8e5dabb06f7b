using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MlopsBuild.Learning.Linear;

/// <summary>
/// The two loops the loss evaluation spends its time in, vectorised over rows and fused over four feature columns
/// (one pass over the scores instead of four, which more than halves the time). Float features are widened to
/// double so that sums keep double precision.
/// </summary>
internal static class ColumnKernels
{
    /// <summary>The four columns a fused kernel reads (repeat a column with weight 0 to use fewer).</summary>
    internal readonly ref struct Columns(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, ReadOnlySpan<float> d)
    {
        public readonly ReadOnlySpan<float> A = a, B = b, C = c, D = d;
    }

    /// <summary>scores[i] += wa·a[i] + wb·b[i] + wc·c[i] + wd·d[i], added in that order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled(Span<double> scores, Columns columns, double wa, double wb, double wc, double wd)
    {
        ref var score = ref MemoryMarshal.GetReference(scores);
        ref var a = ref MemoryMarshal.GetReference(columns.A);
        ref var b = ref MemoryMarshal.GetReference(columns.B);
        ref var c = ref MemoryMarshal.GetReference(columns.C);
        ref var d = ref MemoryMarshal.GetReference(columns.D);
        Vector<double> va = new(wa), vb = new(wb), vc = new(wc), vd = new(wd);
        var n = scores.Length;
        var floats = Vector<float>.Count;
        var half = (nuint)Vector<double>.Count;
        var i = 0;
        for (; i <= n - floats; i += floats)
        {
            var at = (nuint)i;
            Vector.Widen(Vector.LoadUnsafe(ref a, at), out var a0, out var a1);
            Vector.Widen(Vector.LoadUnsafe(ref b, at), out var b0, out var b1);
            Vector.Widen(Vector.LoadUnsafe(ref c, at), out var c0, out var c1);
            Vector.Widen(Vector.LoadUnsafe(ref d, at), out var d0, out var d1);
            (Vector.LoadUnsafe(ref score, at) + va * a0 + vb * b0 + vc * c0 + vd * d0).StoreUnsafe(ref score, at);
            (Vector.LoadUnsafe(ref score, at + half) + va * a1 + vb * b1 + vc * c1 + vd * d1).StoreUnsafe(ref score, at + half);
        }
        for (; i < n; i++)
            scores[i] = scores[i] + wa * columns.A[i] + wb * columns.B[i] + wc * columns.C[i] + wd * columns.D[i];
    }

    /// <summary>sums = [Σ r·a, Σ r·b, Σ r·c, Σ r·d] over the rows of <paramref name="residuals"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dot(ReadOnlySpan<double> residuals, Columns columns, Span<double> sums)
    {
        ref var residual = ref MemoryMarshal.GetReference(residuals);
        ref var a = ref MemoryMarshal.GetReference(columns.A);
        ref var b = ref MemoryMarshal.GetReference(columns.B);
        ref var c = ref MemoryMarshal.GetReference(columns.C);
        ref var d = ref MemoryMarshal.GetReference(columns.D);
        Vector<double> sa = default, sb = default, sc = default, sd = default;
        var n = residuals.Length;
        var floats = Vector<float>.Count;
        var half = (nuint)Vector<double>.Count;
        var i = 0;
        for (; i <= n - floats; i += floats)
        {
            var at = (nuint)i;
            var r0 = Vector.LoadUnsafe(ref residual, at);
            var r1 = Vector.LoadUnsafe(ref residual, at + half);
            Vector.Widen(Vector.LoadUnsafe(ref a, at), out var a0, out var a1);
            sa += r0 * a0 + r1 * a1;
            Vector.Widen(Vector.LoadUnsafe(ref b, at), out var b0, out var b1);
            sb += r0 * b0 + r1 * b1;
            Vector.Widen(Vector.LoadUnsafe(ref c, at), out var c0, out var c1);
            sc += r0 * c0 + r1 * c1;
            Vector.Widen(Vector.LoadUnsafe(ref d, at), out var d0, out var d1);
            sd += r0 * d0 + r1 * d1;
        }
        double ta = Vector.Sum(sa), tb = Vector.Sum(sb), tc = Vector.Sum(sc), td = Vector.Sum(sd);
        for (; i < n; i++)
        {
            ta += residuals[i] * columns.A[i];
            tb += residuals[i] * columns.B[i];
            tc += residuals[i] * columns.C[i];
            td += residuals[i] * columns.D[i];
        }
        sums[0] = ta;
        sums[1] = tb;
        sums[2] = tc;
        sums[3] = td;
    }

    /// <summary>Σ values[i].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
