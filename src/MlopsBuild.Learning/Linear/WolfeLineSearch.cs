namespace MlopsBuild.Learning.Linear;

/// <summary>
/// Finds a step along a descent direction that satisfies the strong Wolfe conditions (sufficient decrease and
/// curvature), by bracketing then zooming with safeguarded cubic interpolation (Nocedal &amp; Wright, Algorithms 3.5
/// and 3.6). Owns the buffers of its trial points so that it allocates nothing per call.
/// </summary>
internal sealed class WolfeLineSearch
{
    const double SufficientDecrease = 1e-4;
    const double Curvature = 0.9;
    const int MaxEvaluations = 30;

    readonly DifferentiableFunction function;
    double[] trialPoint, trialGradient, bestPoint, bestGradient;
    double trialValue, bestValue;

    public WolfeLineSearch(DifferentiableFunction function, int dimension)
    {
        this.function = function;
        trialPoint = new double[dimension];
        trialGradient = new double[dimension];
        bestPoint = new double[dimension];
        bestGradient = new double[dimension];
    }

    /// <summary>Function evaluations made so far.</summary>
    public int Evaluations { get; private set; }

    /// <summary>
    /// Searches from <paramref name="point"/> (value <paramref name="value"/>, gradient <paramref name="gradient"/>)
    /// along <paramref name="direction"/>, starting with step <paramref name="initialStep"/>. On success, or when only
    /// a decrease but not the curvature condition could be reached, overwrites point, gradient and value with the new
    /// point and returns true; returns false, leaving them as they are, when no step decreases the function.
    /// </summary>
    public bool Search(double[] point, double[] gradient, ref double value, double[] direction, double initialStep)
    {
        var value0 = value;
        var slope0 = Dot(gradient, direction);
        double previousStep = 0, previousValue = value0, previousSlope = slope0;
        var step = initialStep;
        var found = false;
        for (var i = 0; i < MaxEvaluations; i++)
        {
            var (stepValue, stepSlope) = Evaluate(point, direction, step);
            // A non-finite value (the step overflowed the loss) counts as too long a step.
            if (!(stepValue <= value0 + SufficientDecrease * step * slope0) || (i > 0 && stepValue >= previousValue))
            {
                found = Zoom(point, direction, value0, slope0, previousStep, previousValue, previousSlope, step, stepValue, stepSlope, i + 1);
                break;
            }
            KeepTrialAsBest();
            if (Math.Abs(stepSlope) <= -Curvature * slope0) { found = true; break; }
            if (stepSlope >= 0)
            {
                found = Zoom(point, direction, value0, slope0, step, stepValue, stepSlope, previousStep, previousValue, previousSlope, i + 1);
                break;
            }
            previousStep = step;
            previousValue = stepValue;
            previousSlope = stepSlope;
            found = true;
            step *= 2;
        }
        if (!found || !(bestValue < value0)) return false;
        bestPoint.CopyTo(point, 0);
        bestGradient.CopyTo(gradient, 0);
        value = bestValue;
        return true;
    }

    /// <summary>
    /// Narrows [low, high] — low satisfies sufficient decrease with the lower value — until a step satisfies both
    /// conditions. Leaves the best acceptable step found in the best buffers.
    /// </summary>
    bool Zoom(double[] point, double[] direction, double value0, double slope0,
        double low, double lowValue, double lowSlope, double high, double highValue, double highSlope, int evaluations)
    {
        for (; evaluations < MaxEvaluations; evaluations++)
        {
            var step = Interpolate(low, lowValue, lowSlope, high, highValue, highSlope);
            if (step == low || step == high) break;
            var (value, slope) = Evaluate(point, direction, step);
            if (!(value <= value0 + SufficientDecrease * step * slope0) || value >= lowValue)
            {
                (high, highValue, highSlope) = (step, value, slope);
                continue;
            }
            KeepTrialAsBest();
            if (Math.Abs(slope) <= -Curvature * slope0) return true;
            if (slope * (high - low) >= 0) (high, highValue, highSlope) = (low, lowValue, lowSlope);
            (low, lowValue, lowSlope) = (step, value, slope);
        }
        // No step met the curvature condition: settle for the lowest point seen, if it lies beyond the start.
        return low > 0;
    }

    /// <summary>Minimiser of the cubic matching values and slopes at both ends, kept away from the ends; else the midpoint.</summary>
    static double Interpolate(double a, double valueA, double slopeA, double b, double valueB, double slopeB)
    {
        var d1 = slopeA + slopeB - 3 * (valueA - valueB) / (a - b);
        var discriminant = d1 * d1 - slopeA * slopeB;
        var lowEnd = Math.Min(a, b);
        var width = Math.Abs(b - a);
        var midpoint = lowEnd + width / 2;
        if (!(discriminant >= 0)) return midpoint;
        var d2 = Math.Sign(b - a) * Math.Sqrt(discriminant);
        var step = b - (b - a) * (slopeB + d2 - d1) / (slopeB - slopeA + 2 * d2);
        var margin = 0.1 * width;
        return double.IsFinite(step) && step >= lowEnd + margin && step <= lowEnd + width - margin ? step : midpoint;
    }

    (double Value, double Slope) Evaluate(double[] point, double[] direction, double step)
    {
        for (var i = 0; i < point.Length; i++) trialPoint[i] = point[i] + step * direction[i];
        Evaluations++;
        trialValue = function(trialPoint, trialGradient);
        return (trialValue, Dot(trialGradient, direction));
    }

    void KeepTrialAsBest()
    {
        (bestPoint, trialPoint) = (trialPoint, bestPoint);
        (bestGradient, trialGradient) = (trialGradient, bestGradient);
        bestValue = trialValue;
    }

    internal static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
