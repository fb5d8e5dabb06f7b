using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Prediction;

namespace MlopsBuild.Learning.Linear;

/// <summary>Scores k = Intercepts[k] + the terms' contributions (see <see cref="LinearTerm"/>).</summary>
public sealed class LinearModel : Predictor
{
    public LinearModel(LearningTask task, IReadOnlyList<FeatureInfo> features, double[] intercepts, IReadOnlyList<LinearTerm> terms)
        : base(task, features.Count, intercepts.Length)
    {
        Features = features;
        Intercepts = intercepts;
        Terms = terms;
    }

    /// <summary>The features the terms read (their kinds and category counts).</summary>
    public IReadOnlyList<FeatureInfo> Features { get; }

    public double[] Intercepts { get; }

    public IReadOnlyList<LinearTerm> Terms { get; }

    public override void Score(ReadOnlySpan<float> features, Span<double> scores)
    {
        Intercepts.CopyTo(scores);
        var k = ScoreCount;
        foreach (var term in Terms)
        {
            var value = features[term.Feature];
            if (float.IsNaN(value)) continue;
            if (Features[term.Feature].Kind == FeatureKind.Categorical)
            {
                var category = (int)value;
                if ((uint)category >= (uint)Features[term.Feature].CategoryCount) continue;
                for (var s = 0; s < k; s++) scores[s] += term.Weights[category * k + s];
            }
            else
            {
                var standardised = (value - term.Mean) / term.Scale;
                for (var s = 0; s < k; s++) scores[s] += term.Weights[s] * standardised;
            }
        }
    }

    /// <summary>
    /// Term by term over the rows' columns: each row receives the same additions, in the same order, as
    /// <see cref="Score"/> makes, so the results are the same bits.
    /// </summary>
    public override void ScoreRows(FeatureMatrix matrix, int start, int count, Span<double> scores)
    {
        var k = ScoreCount;
        for (var i = 0; i < count; i++) Intercepts.CopyTo(scores.Slice(i * k, k));
        foreach (var term in Terms)
        {
            var column = matrix.Columns[term.Feature].AsSpan(start, count);
            var weights = term.Weights;
            if (Features[term.Feature].Kind == FeatureKind.Categorical)
            {
                var categoryCount = (uint)Features[term.Feature].CategoryCount;
                for (var i = 0; i < count; i++)
                {
                    var value = column[i];
                    if (float.IsNaN(value)) continue;
                    var category = (int)value;
                    if ((uint)category >= categoryCount) continue;
                    for (var s = 0; s < k; s++) scores[i * k + s] += weights[category * k + s];
                }
            }
            else
            {
                for (var i = 0; i < count; i++)
                {
                    var value = column[i];
                    if (float.IsNaN(value)) continue;
                    var standardised = (value - term.Mean) / term.Scale;
                    for (var s = 0; s < k; s++) scores[i * k + s] += weights[s] * standardised;
                }
            }
        }
    }
}
