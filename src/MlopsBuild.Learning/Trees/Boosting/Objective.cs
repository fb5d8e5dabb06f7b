namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>
/// A loss to boost on. Scores are row-major: row i's score k is at i × K + k. Gradients are class-major: class k's
/// are gradients[k][i], as each tree of a round reads one class.
/// </summary>
internal abstract class Objective
{
    /// <summary>Rows per task when work is split by rows: fixed, so results never depend on the thread count.</summary>
    const int ChunkRows = 1 << 14;

    protected Objective(int scoreCount) => ScoreCount = scoreCount;

    public int ScoreCount { get; }

    public static Objective For(LearningTask task, int classCount) => task switch
    {
        LearningTask.BinaryClassification => new LogLossObjective(),
        LearningTask.MulticlassClassification => new SoftmaxObjective(classCount),
        _ => new SquaredErrorObjective(),
    };

    public abstract double[] BaseScores(float[] labels);

    /// <summary>Fills the gradients of rows [start, end).</summary>
    protected abstract void Gradients(float[] labels, double[] scores, GradientPair[][] gradients, int start, int end);

    /// <summary>The loss of rows [start, end), summed.</summary>
    protected abstract double LossSum(float[] labels, double[] scores, int start, int end);

    public void ComputeGradients(float[] labels, double[] scores, GradientPair[][] gradients, ParallelOptions parallel)
    {
        var chunks = (labels.Length + ChunkRows - 1) / ChunkRows;
        Parallel.For(0, chunks, parallel, c =>
            Gradients(labels, scores, gradients, c * ChunkRows, Math.Min(labels.Length, (c + 1) * ChunkRows)));
    }

    /// <summary>Mean loss; chunk sums are added in chunk order, so the figure does not depend on the thread count.</summary>
    public double MeanLoss(float[] labels, double[] scores, ParallelOptions parallel)
    {
        var chunks = (labels.Length + ChunkRows - 1) / ChunkRows;
        var sums = new double[chunks];
        Parallel.For(0, chunks, parallel, c =>
            sums[c] = LossSum(labels, scores, c * ChunkRows, Math.Min(labels.Length, (c + 1) * ChunkRows)));
        var total = 0.0;
        foreach (var sum in sums) total += sum;
        return total / labels.Length;
    }
}

internal sealed class LogLossObjective() : Objective(1)
{
    public override double[] BaseScores(float[] labels)
    {
        var mean = labels.Average(l => (double)l);
        return [Math.Log(mean / (1 - mean))];
    }

    protected override void Gradients(float[] labels, double[] scores, GradientPair[][] gradients, int start, int end)
    {
        var g = gradients[0];
        for (var i = start; i < end; i++)
        {
            var p = 1.0 / (1.0 + Math.Exp(-scores[i]));
            g[i].Gradient = p - labels[i];
            g[i].Hessian = p * (1 - p);
        }
    }

    protected override double LossSum(float[] labels, double[] scores, int start, int end)
    {
        var sum = 0.0;
        // log(1 + e^s) − y·s, written to neither overflow nor lose precision for large |s|.
        for (var i = start; i < end; i++)
        {
            var s = scores[i];
            sum += Math.Max(s, 0) + Math.Log(1 + Math.Exp(-Math.Abs(s))) - labels[i] * s;
        }
        return sum;
    }
}

internal sealed class SoftmaxObjective(int classCount) : Objective(classCount)
{
    public override double[] BaseScores(float[] labels)
    {
        // Log class priors; a class absent from training gets a tiny prior rather than −∞.
        var counts = new double[ScoreCount];
        foreach (var label in labels) counts[(int)label]++;
        return counts.Select(c => Math.Log(Math.Max(c, 1e-3) / labels.Length)).ToArray();
    }

    protected override void Gradients(float[] labels, double[] scores, GradientPair[][] gradients, int start, int end)
    {
        var k = ScoreCount;
        Span<double> p = stackalloc double[k];
        for (var i = start; i < end; i++)
        {
            Prediction.ScoreTransform.Softmax(scores.AsSpan(i * k, k), p);
            var label = (int)labels[i];
            for (var c = 0; c < k; c++)
            {
                gradients[c][i].Gradient = p[c] - (c == label ? 1 : 0);
                gradients[c][i].Hessian = p[c] * (1 - p[c]);
            }
        }
    }

    protected override double LossSum(float[] labels, double[] scores, int start, int end)
    {
        var k = ScoreCount;
        var sum = 0.0;
        for (var i = start; i < end; i++)
        {
            var row = scores.AsSpan(i * k, k);
            var max = double.NegativeInfinity;
            foreach (var s in row) max = Math.Max(max, s);
            var total = 0.0;
            foreach (var s in row) total += Math.Exp(s - max);
            sum += max + Math.Log(total) - row[(int)labels[i]];
        }
        return sum;
    }
}

internal sealed class SquaredErrorObjective() : Objective(1)
{
    public override double[] BaseScores(float[] labels) => [labels.Average(l => (double)l)];

    protected override void Gradients(float[] labels, double[] scores, GradientPair[][] gradients, int start, int end)
    {
        var g = gradients[0];
        for (var i = start; i < end; i++)
        {
            g[i].Gradient = scores[i] - labels[i];
            g[i].Hessian = 1;
        }
    }

    protected override double LossSum(float[] labels, double[] scores, int start, int end)
    {
        var sum = 0.0;
        for (var i = start; i < end; i++)
        {
            var error = scores[i] - labels[i];
            sum += error * error;
        }
        return sum;
    }
}
