using MlopsBuild.Learning.Linear;

namespace MlopsBuild.Learning.Tests.Linear;

/// <summary>The optimiser alone, on functions whose minimum is known.</summary>
public sealed class LbfgsTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public void Minimises_the_Rosenbrock_function(int dimension)
    {
        // Σ 100 (x[i+1] − x[i]²)² + (1 − x[i])²: a curved valley with its minimum 0 at (1, …, 1).
        var start = Enumerable.Range(0, dimension).Select(i => i % 2 == 0 ? -1.2 : 1.0).ToArray();

        var result = Lbfgs.Minimise(Rosenbrock, start, memory: 10, maxIterations: 500, tolerance: 1e-8);

        Assert.Equal(LbfgsStop.Converged, result.Stop);
        Assert.All(result.Minimum, x => Assert.InRange(x, 1 - 1e-6, 1 + 1e-6));
        Assert.True(result.Value < 1e-12);
    }

    [Fact]
    public void Solves_an_ill_conditioned_quadratic_as_fast_as_reference_implementations()
    {
        // ½ Σ cᵢ (xᵢ − i)² with curvatures from 1 to 100. SciPy's L-BFGS-B (m = 10) needs 87 iterations here.
        const int dimension = 20;
        var curvatures = Enumerable.Range(0, dimension).Select(i => Math.Pow(10, 2.0 * i / (dimension - 1))).ToArray();
        DifferentiableFunction quadratic = (x, gradient) =>
        {
            double value = 0;
            for (var i = 0; i < x.Length; i++)
            {
                gradient[i] = curvatures[i] * (x[i] - i);
                value += 0.5 * curvatures[i] * (x[i] - i) * (x[i] - i);
            }
            return value;
        };

        var result = Lbfgs.Minimise(quadratic, new double[dimension], memory: 10, maxIterations: 200, tolerance: 1e-9);

        Assert.True(result.Stop == LbfgsStop.Converged, $"{result}");
        Assert.True(result.Iterations < 120, $"{result.Iterations} iterations");
        for (var i = 0; i < dimension; i++) Assert.InRange(result.Minimum[i], i - 1e-9, i + 1e-9);
    }

    [Fact]
    public void Reports_the_iteration_limit()
    {
        var start = new[] { -1.2, 1.0 };

        var result = Lbfgs.Minimise(Rosenbrock, start, memory: 10, maxIterations: 3, tolerance: 1e-8);

        Assert.Equal(LbfgsStop.IterationLimit, result.Stop);
        Assert.Equal(3, result.Iterations);
    }

    static double Rosenbrock(ReadOnlySpan<double> x, Span<double> gradient)
    {
        gradient.Clear();
        double value = 0;
        for (var i = 0; i + 1 < x.Length; i++)
        {
            var valley = x[i + 1] - x[i] * x[i];
            var offset = 1 - x[i];
            value += 100 * valley * valley + offset * offset;
            gradient[i] += -400 * valley * x[i] - 2 * offset;
            gradient[i + 1] += 200 * valley;
        }
        return value;
    }
}
