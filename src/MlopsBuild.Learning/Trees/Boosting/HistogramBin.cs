namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>Sums over the rows of one leaf that fall in one bin of one feature.</summary>
internal struct HistogramBin
{
    public double Gradient;
    public double Hessian;
    public int Count;
}

/// <summary>Sums over all the rows of a leaf.</summary>
internal readonly record struct LeafTotals(double Gradient, double Hessian, int Count)
{
    public LeafTotals Minus(LeafTotals other) => new(Gradient - other.Gradient, Hessian - other.Hessian, Count - other.Count);
}
