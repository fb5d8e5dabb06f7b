namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>A row's first and second derivative of the loss with respect to its score.</summary>
internal struct GradientPair
{
    public double Gradient;
    public double Hessian;
}
