namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>
/// How many features a histogram pass sums, two or four: a constant the JIT folds into each copy of a pass's loop, so
/// the two-feature copy carries no code for the other two.
/// </summary>
internal interface IFeatureCount
{
    static abstract int Count { get; }
}

internal readonly struct TwoFeatures : IFeatureCount
{
    public static int Count => 2;
}

internal readonly struct FourFeatures : IFeatureCount
{
    public static int Count => 4;
}
