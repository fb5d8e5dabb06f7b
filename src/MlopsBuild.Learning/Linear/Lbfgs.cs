namespace MlopsBuild.Learning.Linear;

/// <summary>Why <see cref="Lbfgs.Minimise"/> stopped.</summary>
internal enum LbfgsStop
{
    /// <summary>The largest gradient component fell to the tolerance.</summary>
    Converged,
    /// <summary>The iteration limit came first.</summary>
    IterationLimit,
    /// <summary>No step along the search direction decreased the function: the minimum is as close as precision allows.</summary>
    NoProgress,
}

internal sealed record LbfgsResult(double[] Minimum, double Value, double GradientNorm, int Iterations, int Evaluations, LbfgsStop Stop);

/// <summary>
/// Limited-memory BFGS (Nocedal &amp; Wright, Algorithm 7.5): the two-loop recursion over the last m correction pairs,
/// a strong Wolfe line search, and the initial Hessian scaled by sᵀy / yᵀy.
/// </summary>
internal static class Lbfgs
{
    /// <param name="progress">Called after each iteration with (iteration, value, largest gradient component).</param>
    public static LbfgsResult Minimise(DifferentiableFunction function, double[] start, int memory, int maxIterations,
        double tolerance, Action<int, double, double>? progress = null)
    {
        var n = start.Length;
        var point = (double[])start.Clone();
        var gradient = new double[n];
        var value = function(point, gradient);
        var lineSearch = new WolfeLineSearch(function, n);
        var history = new CorrectionHistory(memory, n);
        var direction = new double[n];
        var previousPoint = new double[n];
        var previousGradient = new double[n];
        var gradientNorm = MaxAbs(gradient);
        var iteration = 0;
        var stop = LbfgsStop.IterationLimit;
        if (gradientNorm <= tolerance) stop = LbfgsStop.Converged;
        while (stop == LbfgsStop.IterationLimit && iteration < maxIterations)
        {
            history.Direction(gradient, direction);
            if (WolfeLineSearch.Dot(gradient, direction) >= 0)
            {
                // Rounding has spoilt the curvature pairs: restart from steepest descent.
                history.Clear();
                history.Direction(gradient, direction);
            }
            // Without curvature pairs the direction is −g, whose length says nothing about a good step.
            var initialStep = history.Count == 0 ? Math.Min(1, 1 / Math.Sqrt(WolfeLineSearch.Dot(gradient, gradient))) : 1;
            point.CopyTo(previousPoint, 0);
            gradient.CopyTo(previousGradient, 0);
            if (!lineSearch.Search(point, gradient, ref value, direction, initialStep))
            {
                stop = LbfgsStop.NoProgress;
                break;
            }
            iteration++;
            history.Add(point, previousPoint, gradient, previousGradient);
            gradientNorm = MaxAbs(gradient);
            progress?.Invoke(iteration, value, gradientNorm);
            if (gradientNorm <= tolerance) stop = LbfgsStop.Converged;
        }
        return new LbfgsResult(point, value, gradientNorm, iteration, lineSearch.Evaluations + 1, stop);
    }

    static double MaxAbs(double[] values)
    {
        double max = 0;
        foreach (var value in values) max = Math.Max(max, Math.Abs(value));
        return max;
    }

    /// <summary>The last m pairs s = x₊ − x, y = g₊ − g, oldest overwritten first.</summary>
    sealed class CorrectionHistory(int memory, int dimension)
    {
        readonly double[][] steps = NewRows(memory, dimension);
        readonly double[][] changes = NewRows(memory, dimension);
        readonly double[] inverseCurvatures = new double[memory];
        readonly double[] alphas = new double[memory];
        int newest = -1;

        public int Count { get; private set; }

        public void Clear() => Count = 0;

        public void Add(double[] point, double[] previousPoint, double[] gradient, double[] previousGradient)
        {
            double curvature = 0, changeSquared = 0;
            for (var i = 0; i < point.Length; i++)
            {
                var change = gradient[i] - previousGradient[i];
                curvature += (point[i] - previousPoint[i]) * change;
                changeSquared += change * change;
            }
            // A pair without positive curvature would make the inverse Hessian indefinite: skip it.
            if (!(curvature > 1e-10 * changeSquared)) return;
            var slot = (newest + 1) % steps.Length;
            for (var i = 0; i < point.Length; i++)
            {
                steps[slot][i] = point[i] - previousPoint[i];
                changes[slot][i] = gradient[i] - previousGradient[i];
            }
            inverseCurvatures[slot] = 1 / curvature;
            newest = slot;
            Count = Math.Min(Count + 1, steps.Length);
        }

        /// <summary>direction = −H·gradient by the two-loop recursion.</summary>
        public void Direction(double[] gradient, double[] direction)
        {
            for (var i = 0; i < direction.Length; i++) direction[i] = -gradient[i];
            for (var back = 0; back < Count; back++)
            {
                var slot = Slot(back);
                alphas[slot] = inverseCurvatures[slot] * WolfeLineSearch.Dot(steps[slot], direction);
                Axpy(-alphas[slot], changes[slot], direction);
            }
            if (Count > 0)
            {
                var latest = changes[newest];
                var scale = 1 / (inverseCurvatures[newest] * WolfeLineSearch.Dot(latest, latest));
                for (var i = 0; i < direction.Length; i++) direction[i] *= scale;
            }
            for (var back = Count - 1; back >= 0; back--)
            {
                var slot = Slot(back);
                var beta = inverseCurvatures[slot] * WolfeLineSearch.Dot(changes[slot], direction);
                Axpy(alphas[slot] - beta, steps[slot], direction);
            }
        }

        int Slot(int back) => ((newest - back) % steps.Length + steps.Length) % steps.Length;

        static void Axpy(double a, double[] x, double[] y)
        {
            for (var i = 0; i < y.Length; i++) y[i] += a * x[i];
        }

        static double[][] NewRows(int rows, int columns)
        {
            var result = new double[rows][];
            for (var i = 0; i < rows; i++) result[i] = new double[columns];
            return result;
        }
    }
}
