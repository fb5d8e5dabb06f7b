using System.Numerics;

namespace MlopsBuild.Learning.Linear;

/// <summary>
/// Per-row losses of a block of rows: turns each row's scores into its loss and each score into the loss's
/// derivative with respect to it (the residual), in place. Scores are stored score-major:
/// scores[k × stride + i] is row i's score k. Vectorised over rows; the last partial vector is done row by row.
/// </summary>
internal static class RowLosses
{
    /// <summary>Logistic loss log(1 + e^z) − y·z; residual σ(z) − y. Returns the summed loss.</summary>
    public static double Logistic(Span<double> scores, ReadOnlySpan<double> targets)
    {
        var n = targets.Length;
        var width = Vector<double>.Count;
        var total = Vector<double>.Zero;
        var i = 0;
        for (; i <= n - width; i += width)
        {
            var z = new Vector<double>(scores.Slice(i));
            var y = new Vector<double>(targets.Slice(i));
            // With e = exp(−|z|) nothing overflows: log(1 + e^z) = max(z, 0) + log(1 + e).
            var e = Vector.Exp(-Vector.Abs(z));
            var onePlus = Vector<double>.One + e;
            total += Vector.Max(z, Vector<double>.Zero) + Vector.Log(onePlus) - y * z;
            var probability = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(z, Vector<double>.Zero), Vector<double>.One, e) / onePlus;
            (probability - y).CopyTo(scores.Slice(i));
        }
        var sum = Vector.Sum(total);
        for (; i < n; i++)
        {
            var z = scores[i];
            var e = Math.Exp(-Math.Abs(z));
            sum += Math.Max(z, 0) + Math.Log(1 + e) - targets[i] * z;
            scores[i] = (z >= 0 ? 1 : e) / (1 + e) - targets[i];
        }
        return sum;
    }

    /// <summary>Half the squared error ½(z − y)²; residual z − y. Returns the summed loss.</summary>
    public static double Squared(Span<double> scores, ReadOnlySpan<double> targets)
    {
        var n = targets.Length;
        var width = Vector<double>.Count;
        var total = Vector<double>.Zero;
        var i = 0;
        for (; i <= n - width; i += width)
        {
            var residual = new Vector<double>(scores.Slice(i)) - new Vector<double>(targets.Slice(i));
            total += residual * residual;
            residual.CopyTo(scores.Slice(i));
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
    public static double Softmax(Span<double> scores, int stride, int classCount, ReadOnlySpan<double> targets)
    {
        var n = targets.Length;
        var width = Vector<double>.Count;
        var total = Vector<double>.Zero;
        var i = 0;
        for (; i <= n - width; i += width)
        {
            var y = new Vector<double>(targets.Slice(i));
            var max = new Vector<double>(scores.Slice(i));
            var labelScore = Vector<double>.Zero;
            for (var k = 0; k < classCount; k++)
            {
                var z = new Vector<double>(scores.Slice(k * stride + i));
                max = Vector.Max(max, z);
                labelScore = Vector.ConditionalSelect(Vector.Equals(y, new Vector<double>(k)), z, labelScore);
            }
            var sum = Vector<double>.Zero;
            for (var k = 0; k < classCount; k++)
            {
                var slot = scores.Slice(k * stride + i);
                var e = Vector.Exp(new Vector<double>(slot) - max);
                sum += e;
                e.CopyTo(slot);
            }
            total += Vector.Log(sum) + max - labelScore;
            for (var k = 0; k < classCount; k++)
            {
                var slot = scores.Slice(k * stride + i);
                var indicator = Vector.ConditionalSelect(Vector.Equals(y, new Vector<double>(k)), Vector<double>.One, Vector<double>.Zero);
                (new Vector<double>(slot) / sum - indicator).CopyTo(slot);
            }
        }
        var loss = Vector.Sum(total);
        for (; i < n; i++)
        {
            var label = (int)targets[i];
            var max = double.NegativeInfinity;
            for (var k = 0; k < classCount; k++) max = Math.Max(max, scores[k * stride + i]);
            var labelScore = scores[label * stride + i];
            double sum = 0;
            for (var k = 0; k < classCount; k++) sum += scores[k * stride + i] = Math.Exp(scores[k * stride + i] - max);
            loss += Math.Log(sum) + max - labelScore;
            for (var k = 0; k < classCount; k++) scores[k * stride + i] = scores[k * stride + i] / sum - (k == label ? 1 : 0);
        }
        return loss;
    }
}
