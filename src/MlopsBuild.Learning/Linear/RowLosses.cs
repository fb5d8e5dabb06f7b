using System.Numerics;
using System.Runtime.CompilerServices;

namespace MlopsBuild.Learning.Linear;

/// <summary>
/// Per-row losses of a block of rows: turns each row's scores into its loss and each score into the loss's
/// derivative with respect to it (the residual), in place. Scores are stored score-major: scores[k × stride + i] is
/// row i's score k. Vectorised over rows; the last partial vector goes through the same code, padded.
/// </summary>
internal static class RowLosses
{
    static int Width => Vector<double>.Count;

    /// <summary>Logistic loss log(1 + e^z) − y·z; residual σ(z) − y. Returns the summed loss.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Logistic(Span<double> scores, ReadOnlySpan<double> targets)
    {
        var n = targets.Length;
        var total = Vector<double>.Zero;
        var i = 0;
        for (; i <= n - Width; i += Width)
        {
            total += Logistic(new Vector<double>(scores[i..]), new Vector<double>(targets[i..]), out var residual);
            residual.CopyTo(scores[i..]);
        }
        var sum = Vector.Sum(total);
        if (i == n) return sum;
        Span<double> padded = stackalloc double[2 * Width];
        padded.Clear();
        scores[i..n].CopyTo(padded);
        targets[i..n].CopyTo(padded[Width..]);
        var tailLoss = Logistic(new Vector<double>(padded), new Vector<double>(padded[Width..]), out var tailResidual);
        for (var lane = 0; lane < n - i; lane++)
        {
            sum += tailLoss[lane];
            scores[i + lane] = tailResidual[lane];
        }
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static Vector<double> Logistic(Vector<double> z, Vector<double> y, out Vector<double> residual)
    {
        // With e = exp(−|z|) nothing overflows: log(1 + e^z) = max(z, 0) + log(1 + e), σ(z) = (z ≥ 0 ? 1 : e) / (1 + e).
        var e = VectorMath.ExpNonPositive(-Vector.Abs(z));
        var onePlus = Vector<double>.One + e;
        var nonNegative = Vector.GreaterThanOrEqual(z, Vector<double>.Zero);
        residual = Vector.ConditionalSelect(nonNegative, Vector<double>.One, e) / onePlus - y;
        return Vector.Max(z, Vector<double>.Zero) + VectorMath.Log(onePlus) - y * z;
    }

    /// <summary>Half the squared error ½(z − y)²; residual z − y. Returns the summed loss.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Squared(Span<double> scores, ReadOnlySpan<double> targets)
    {
        var n = targets.Length;
        var total = Vector<double>.Zero;
        var i = 0;
        for (; i <= n - Width; i += Width)
        {
            var residual = new Vector<double>(scores[i..]) - new Vector<double>(targets[i..]);
            total += residual * residual;
            residual.CopyTo(scores[i..]);
        }
        var sum = Vector.Sum(total);
        for (; i < n; i++)
        {
            var residual = scores[i] - targets[i];
            sum += residual * residual;
            scores[i] = residual;
        }
        return sum / 2;
    }

    /// <summary>
    /// Softmax cross-entropy log Σₖ e^zₖ − z_y over <paramref name="classCount"/> scores per row; residual
    /// softmaxₖ(z) − [y = k]. Returns the summed loss.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Softmax(Span<double> scores, int stride, int classCount, ReadOnlySpan<double> targets)
    {
        var n = targets.Length;
        var total = Vector<double>.Zero;
        var i = 0;
        for (; i <= n - Width; i += Width)
            total += Softmax(scores[i..], stride, classCount, new Vector<double>(targets[i..]));
        var sum = Vector.Sum(total);
        if (i == n) return sum;
        // The leftover rows, padded to a whole vector (class 0, scores 0), in a buffer with stride Width.
        var padded = new double[classCount * Width];
        var labels = new double[Width];
        for (var k = 0; k < classCount; k++) scores.Slice(k * stride + i, n - i).CopyTo(padded.AsSpan(k * Width));
        targets[i..n].CopyTo(labels);
        var tailLoss = Softmax(padded, Width, classCount, new Vector<double>(labels));
        for (var lane = 0; lane < n - i; lane++)
        {
            sum += tailLoss[lane];
            for (var k = 0; k < classCount; k++) scores[k * stride + i + lane] = padded[k * Width + lane];
        }
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static Vector<double> Softmax(Span<double> scores, int stride, int classCount, Vector<double> y)
    {
        var max = new Vector<double>(scores);
        var labelScore = Vector<double>.Zero;
        for (var k = 0; k < classCount; k++)
        {
            var z = new Vector<double>(scores[(k * stride)..]);
            max = Vector.Max(max, z);
            labelScore = Vector.ConditionalSelect(Vector.Equals(y, new Vector<double>(k)), z, labelScore);
        }
        // Shifting by the largest score keeps every exponent ≤ 0 and the sum in [1, K].
        var sum = Vector<double>.Zero;
        for (var k = 0; k < classCount; k++)
        {
            var slot = scores[(k * stride)..];
            var e = VectorMath.ExpNonPositive(new Vector<double>(slot) - max);
            sum += e;
            e.CopyTo(slot);
        }
        for (var k = 0; k < classCount; k++)
        {
            var slot = scores[(k * stride)..];
            var indicator = Vector.ConditionalSelect(Vector.Equals(y, new Vector<double>(k)), Vector<double>.One, Vector<double>.Zero);
            (new Vector<double>(slot) / sum - indicator).CopyTo(slot);
        }
        return VectorMath.Log(sum) + max - labelScore;
    }
}
