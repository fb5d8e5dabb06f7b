namespace MlopsBuild.Learning.Features;

/// <summary>One model input after featurization. Missing values (and unseen categories) are NaN.</summary>
public sealed record FeatureInfo(string Name, FeatureKind Kind, IReadOnlyList<string> Categories)
{
    public static FeatureInfo Numeric(string name) => new(name, FeatureKind.Numeric, []);

    public static FeatureInfo Boolean(string name) => new(name, FeatureKind.Boolean, []);

    public static FeatureInfo Categorical(string name, IReadOnlyList<string> categories) => new(name, FeatureKind.Categorical, categories);

    public int CategoryCount => Categories.Count;
}
