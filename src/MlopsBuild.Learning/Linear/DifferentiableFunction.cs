namespace MlopsBuild.Learning.Linear;

/// <summary>A smooth function to minimise: returns f(point) and writes ∇f(point) into <paramref name="gradient"/>.</summary>
internal delegate double DifferentiableFunction(ReadOnlySpan<double> point, Span<double> gradient);
