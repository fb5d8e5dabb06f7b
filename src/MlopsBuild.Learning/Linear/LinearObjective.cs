using System.Runtime.CompilerServices;
using MlopsBuild.Learning.Prediction;

namespace MlopsBuild.Learning.Linear;

/// <summary>
/// The objective L-BFGS minimises: mean row loss + (L2 / 2) × ‖weights‖² (intercepts unpenalised), with its gradient.
/// Rows are split into fixed blocks whatever the thread count; blocks are evaluated in parallel and their partial
/// sums added in block order, so the value and gradient are the same bits with 1 thread or 64.
/// The hot loops here and in the kernels are marked AggressiveOptimization: a fit calls them a few dozen times,
/// too few for tiered compilation to replace their unoptimised first versions in time.
/// </summary>
internal sealed class LinearObjective
{
    /// <summary>Rows per block: a block's scores and features stay in cache between the score and gradient passes.</summary>
    internal const int BlockRows = 2048;

    /// <summary>Partial gradients kept at once (blocks × parameters), so memory stays bounded with many categories.</summary>
    const int PartialBudget = 1 << 22;

    readonly LinearDesign design;
    readonly LearningTask task;
    readonly double l2;
    readonly ParallelOptions parallel;
    readonly int blockCount;
    readonly double[][] partialGradients;
    readonly double[] partialLosses;
    readonly double[] parameters;

    public LinearObjective(LinearDesign design, LearningTask task, double l2, int threads)
    {
        this.design = design;
        this.task = task;
        this.l2 = l2;
        parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        blockCount = (design.RowCount + BlockRows - 1) / BlockRows;
        var wave = Math.Clamp(PartialBudget / design.ParameterCount, 1, blockCount);
        partialGradients = new double[wave][];
        for (var i = 0; i < wave; i++) partialGradients[i] = new double[design.ParameterCount];
        partialLosses = new double[wave];
        parameters = new double[design.ParameterCount];
    }

    public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient)
    {
        point.CopyTo(parameters);
        gradient.Clear();
        double loss = 0;
        var wave = partialGradients.Length;
        for (var first = 0; first < blockCount; first += wave)
        {
            var count = Math.Min(wave, blockCount - first);
            var waveStart = first;
            Parallel.For(0, count, parallel, () => new double[design.ScoreCount * BlockRows], (slot, _, scores) =>
            {
                partialLosses[slot] = EvaluateBlock(waveStart + slot, scores, partialGradients[slot]);
                return scores;
            }, _ => { });
            for (var slot = 0; slot < count; slot++)
            {
                loss += partialLosses[slot];
                var partial = partialGradients[slot];
                for (var p = 0; p < gradient.Length; p++) gradient[p] += partial[p];
            }
        }
        var rows = (double)design.RowCount;
        double penalty = 0;
        for (var p = 0; p < gradient.Length; p++)
        {
            gradient[p] /= rows;
            if (p < design.FirstWeight) continue;
            penalty += point[p] * point[p];
            gradient[p] += l2 * point[p];
        }
        return loss / rows + l2 / 2 * penalty;
    }

    /// <summary>Scores block <paramref name="block"/>, turns them into residuals and returns its summed loss and gradient.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    double EvaluateBlock(int block, double[] scoreBuffer, double[] gradient)
    {
        var start = block * BlockRows;
        var n = Math.Min(BlockRows, design.RowCount - start);
        var k = design.ScoreCount;
        var scores = scoreBuffer.AsSpan();
        for (var s = 0; s < k; s++) scores.Slice(s * BlockRows, n).Fill(parameters[s]);
        for (var first = 0; first < design.Dense.Length; first += 4)
        {
            var columns = ColumnGroup(first, start, n);
            for (var s = 0; s < k; s++)
                ColumnKernels.AddScaled(scores.Slice(s * BlockRows, n), columns,
                    Weight(first, s), Weight(first + 1, s), Weight(first + 2, s), Weight(first + 3, s));
        }
        foreach (var feature in design.Categorical)
        {
            var codes = feature.Codes.AsSpan(start, n);
            for (var i = 0; i < n; i++)
            {
                if (codes[i] < 0) continue;
                var weights = feature.Offset + codes[i] * k;
                for (var s = 0; s < k; s++) scores[s * BlockRows + i] += parameters[weights + s];
            }
        }

        var targets = design.Targets.AsSpan(start, n);
        var loss = task switch
        {
            LearningTask.BinaryClassification => RowLosses.Logistic(scores[..n], targets),
            LearningTask.MulticlassClassification => RowLosses.Softmax(scores, BlockRows, k, targets),
            _ => RowLosses.Squared(scores[..n], targets),
        };

        for (var s = 0; s < k; s++) gradient[s] = ColumnKernels.Sum(scores.Slice(s * BlockRows, n));
        Span<double> sums = stackalloc double[4];
        for (var first = 0; first < design.Dense.Length; first += 4)
        {
            var columns = ColumnGroup(first, start, n);
            for (var s = 0; s < k; s++)
            {
                ColumnKernels.Dot(scores.Slice(s * BlockRows, n), columns, sums);
                for (var d = first; d < Math.Min(first + 4, design.Dense.Length); d++) gradient[k * (1 + d) + s] = sums[d - first];
            }
        }
        if (design.Categorical.Length > 0)
        {
            var firstCategorical = k * (1 + design.Dense.Length);
            Array.Clear(gradient, firstCategorical, gradient.Length - firstCategorical);
            foreach (var feature in design.Categorical)
            {
                var codes = feature.Codes.AsSpan(start, n);
                for (var i = 0; i < n; i++)
                {
                    if (codes[i] < 0) continue;
                    var weights = feature.Offset + codes[i] * k;
                    for (var s = 0; s < k; s++) gradient[weights + s] += scores[s * BlockRows + i];
                }
            }
        }
        return loss;
    }

    /// <summary>Dense features first … first + 3 over the block's rows; past the last feature, the first one again.</summary>
    ColumnKernels.Columns ColumnGroup(int first, int start, int n)
    {
        var dense = design.Dense;
        ReadOnlySpan<float> Column(int d) => dense[d < dense.Length ? d : first].Values.AsSpan(start, n);
        return new ColumnKernels.Columns(Column(first), Column(first + 1), Column(first + 2), Column(first + 3));
    }

    /// <summary>Dense feature d's weight for score s; 0 past the last feature (see <see cref="ColumnGroup"/>).</summary>
    double Weight(int d, int s) => d < design.Dense.Length ? parameters[design.ScoreCount * (1 + d) + s] : 0;
}
