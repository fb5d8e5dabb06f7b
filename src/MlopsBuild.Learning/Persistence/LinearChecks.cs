using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Linear;

namespace MlopsBuild.Learning.Persistence;

/// <summary>
/// What makes a linear model safe to score: each feature in range and used by one term, weight counts that fit the
/// feature's kind and categories, every number finite and every scale positive.
/// </summary>
internal static class LinearChecks
{
    public static void Check(LinearModel model, IReadOnlyList<FeatureInfo> features)
    {
        CheckFeatures(model.Features, features);
        for (var k = 0; k < model.Intercepts.Length; k++)
            if (!double.IsFinite(model.Intercepts[k]))
                throw new InvalidModelException("linear model", $"intercept {k} is {model.Intercepts[k]}, not a finite number");
        var used = new bool[features.Count];
        for (var i = 0; i < model.Terms.Count; i++) CheckTerm(model.Terms[i], $"linear term {i}", features, model.ScoreCount, used);
    }

    /// <summary>The model's own feature list must be the signature's (the file stores only the signature).</summary>
    static void CheckFeatures(IReadOnlyList<FeatureInfo> model, IReadOnlyList<FeatureInfo> signature)
    {
        for (var j = 0; j < signature.Count; j++)
            if (model[j].Kind != signature[j].Kind || model[j].CategoryCount != signature[j].CategoryCount)
                throw new InvalidModelException("linear model",
                    $"feature {j} is {model[j].Kind} with {model[j].CategoryCount} categories, but input '{signature[j].Name}' makes it {signature[j].Kind} with {signature[j].CategoryCount}");
    }

    static void CheckTerm(LinearTerm term, string location, IReadOnlyList<FeatureInfo> features, int scoreCount, bool[] used)
    {
        if ((uint)term.Feature >= (uint)features.Count)
            throw new InvalidModelException(location, $"feature index {term.Feature} is out of range ({features.Count} features)");
        if (used[term.Feature]) throw new InvalidModelException(location, $"feature {term.Feature} already has a term");
        used[term.Feature] = true;
        var feature = features[term.Feature];
        var expectedWeights = feature.Kind == FeatureKind.Categorical ? (long)feature.CategoryCount * scoreCount : scoreCount;
        if (term.Weights.Length != expectedWeights)
            throw new InvalidModelException(location, $"{term.Weights.Length} weights, but {feature.Kind} feature '{feature.Name}' needs {expectedWeights}");
        for (var w = 0; w < term.Weights.Length; w++)
            if (!double.IsFinite(term.Weights[w]))
                throw new InvalidModelException(location, $"weight {w} is {term.Weights[w]}, not a finite number");
        if (feature.Kind == FeatureKind.Categorical) return; // one-hot terms do not standardise
        if (!double.IsFinite(term.Mean)) throw new InvalidModelException(location, $"the mean is {term.Mean}, not a finite number");
        if (!(term.Scale > 0) || !double.IsFinite(term.Scale))
            throw new InvalidModelException(location, $"the scale is {term.Scale}, not a finite number > 0");
    }
}
