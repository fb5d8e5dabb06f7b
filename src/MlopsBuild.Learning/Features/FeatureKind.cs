namespace MlopsBuild.Learning.Features;

/// <summary>How a feature's float value is to be read.</summary>
public enum FeatureKind
{
    /// <summary>An ordered number (numeric, integer and date-time columns; date-times as Unix seconds).</summary>
    Numeric,
    /// <summary>0 (false) or 1 (true).</summary>
    Boolean,
    /// <summary>
    /// A category's code: 0 … CategoryCount − 1, in the order of <see cref="FeatureInfo.Categories"/>. Codes have no
    /// order; trees split on sets of them, linear models one-hot encode them.
    /// </summary>
    Categorical,
}
