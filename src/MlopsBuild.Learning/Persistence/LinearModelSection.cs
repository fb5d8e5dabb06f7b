using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Linear;

namespace MlopsBuild.Learning.Persistence;

/// <summary>
/// A linear model's binary section: the intercepts (f64 × score count), then per term its feature (i32), mean and
/// scale (f64), weight count (i32) and weights (f64).
/// </summary>
internal static class LinearModelSection
{
    /// <summary>The smallest term: feature, mean, scale, weight count and no weights.</summary>
    const int MinimumTermBytes = 4 + 8 + 8 + 4;

    public static void Write(LittleEndianWriter writer, LinearModel model)
    {
        writer.WriteArray<double>(model.Intercepts);
        foreach (var term in model.Terms)
        {
            writer.WriteInt32(term.Feature);
            writer.WriteDouble(term.Mean);
            writer.WriteDouble(term.Scale);
            writer.WriteInt32(term.Weights.Length);
            writer.WriteArray<double>(term.Weights);
        }
    }

    public static LinearModel Read(ref LittleEndianReader reader, ModelFileInfo info, IReadOnlyList<FeatureInfo> features)
    {
        var intercepts = reader.ReadArray<double>(info.ScoreCount, "intercepts");
        if (info.TermCount > reader.Remaining / MinimumTermBytes)
            throw new InvalidModelException("header predictor.terms", $"{info.TermCount} terms cannot fit in the {reader.Remaining} bytes that remain");
        var terms = new LinearTerm[info.TermCount];
        for (var i = 0; i < terms.Length; i++)
        {
            var term = $"linear term {i}";
            var feature = reader.ReadInt32($"{term} feature");
            var mean = reader.ReadDouble($"{term} mean");
            var scale = reader.ReadDouble($"{term} scale");
            var weights = reader.ReadArray<double>(reader.ReadCount(8, $"{term} weight count"), $"{term} weights");
            terms[i] = new LinearTerm(feature, mean, scale, weights);
        }
        var model = new LinearModel(info.Task, features, intercepts, terms);
        LinearChecks.Check(model, features);
        return model;
    }
}
