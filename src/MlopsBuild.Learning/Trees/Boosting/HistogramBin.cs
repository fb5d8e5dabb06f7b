namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>
/// Sums over the rows of one leaf that fall in one bin of one feature. 32 bytes, so that the histogram builder adds a
/// row to a bin as one 4-lane addition of (gradient, hessian, 1, 0); the row count is exact as a double up to 2^53.
/// </summary>
internal struct HistogramBin
{
    public double Gradient;
    public double Hessian;
    public double Rows;
    double unused;

    public readonly int Count => (int)Rows;
}

/// <summary>Sums over all the rows of a leaf.</summary>
internal readonly record struct LeafTotals(double Gradient, double Hessian, int Count)
{
    public LeafTotals Minus(LeafTotals other) => new(Gradient - other.Gradient, Hessian - other.Hessian, Count - other.Count);
}
