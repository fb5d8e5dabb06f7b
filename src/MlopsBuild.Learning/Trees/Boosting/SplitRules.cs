using System.Runtime.CompilerServices;

namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>What a split must satisfy, and how gains and leaf values are regularised.</summary>
internal sealed record SplitRules(double L2, int MinSamplesPerLeaf, double MinSplitGain)
{
    /// <summary>Each side's hessian sum must reach this (keeps leaf values finite where the model is already sure).</summary>
    public const double MinHessian = 1e-3;

    /// <summary>Extra L2 for splits on a sorted category order, which can fit noise across many categories (as LightGBM's cat_l2).</summary>
    public const double CategoricalL2 = 10;

    /// <summary>Added to each category's hessian when ordering categories by gradient / hessian (as LightGBM's cat_smooth).</summary>
    public const double CategorySmoothing = 10;

    /// <summary>Most categories a sorted split puts on its smaller side (as LightGBM's max_cat_threshold).</summary>
    public const int MaxCategoriesPerSide = 32;

    /// <summary>Up to this many categories, each is tried against the rest (as LightGBM's max_cat_to_onehot).</summary>
    public const int OneVsRestCategories = 4;

    /// <summary>The loss-minimising leaf value; 0 for a leaf with nothing to learn from (no rows in the bag, no L2).</summary>
    public double LeafValue(double gradient, double hessian) => hessian + L2 > 0 ? -gradient / (hessian + L2) : 0;

    /// <summary>The loss reduction of a split (the second-order approximation, halved as XGBoost reports it).</summary>
    public double Gain(LeafTotals left, LeafTotals right, LeafTotals parent, double l2) =>
        Gain(left.Gradient, left.Hessian, right.Gradient, right.Hessian, l2, ParentTerm(parent));

    /// <summary>The parent's part of <see cref="Gain(LeafTotals, LeafTotals, LeafTotals, double)"/>: the same for every split of a leaf.</summary>
    public double ParentTerm(LeafTotals parent) => parent.Gradient * parent.Gradient / (parent.Hessian + L2);

    /// <summary>The loss reduction of a split, given its parent's term.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Gain(double leftGradient, double leftHessian, double rightGradient, double rightHessian, double l2, double parentTerm) =>
        0.5 * (leftGradient * leftGradient / (leftHessian + l2) + rightGradient * rightGradient / (rightHessian + l2) - parentTerm);

    public bool Allows(LeafTotals left, LeafTotals right) =>
        left.Count >= MinSamplesPerLeaf && right.Count >= MinSamplesPerLeaf && left.Hessian >= MinHessian && right.Hessian >= MinHessian;
}
