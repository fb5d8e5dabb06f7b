using MlopsBuild.Learning;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Linear;
using MlopsBuild.Learning.Trees;

namespace MlopsBuild.Quality.ModelCards;

/// <summary>The features a model relies on most, normalised so the shares of all features sum to 1.</summary>
/// <param name="Measure">What the share is of, in words the card shows.</param>
/// <param name="Rows">The top features, most important first.</param>
/// <param name="Unused">Features with no share at all (left out of the rows).</param>
internal sealed record FeatureImportanceTable(string Measure, IReadOnlyList<FeatureImportanceRow> Rows, int Unused)
{
    public const int Top = 20;

    /// <summary>Null for a predictor that is neither a tree ensemble nor a linear model.</summary>
    public static FeatureImportanceTable? Of(TrainedModel model)
    {
        var names = model.Signature.Inputs.Select(i => i.Name).ToArray();
        return model.Predictor switch
        {
            TreeEnsemble trees => FromTrees(names, trees),
            LinearModel linear => FromLinear(names, linear),
            _ => null,
        };
    }

    static FeatureImportanceTable FromTrees(string[] names, TreeEnsemble trees)
    {
        var gain = FeatureImportance.Gain(trees);
        var splits = FeatureImportance.SplitCount(trees);
        var totalGain = gain.Sum();
        var totalSplits = (double)splits.Sum();
        var order = Enumerable.Range(0, names.Length).Where(f => splits[f] > 0)
            .OrderByDescending(f => gain[f]).ThenByDescending(f => splits[f]).ThenBy(f => f).ToList();
        var rows = order.Take(Top)
            .Select(f => new FeatureImportanceRow(names[f], totalGain > 0 ? gain[f] / totalGain : 0, splits[f], splits[f] / totalSplits))
            .ToList();
        return new("gain (summed loss reduction of the splits on the feature) and split count", rows, names.Length - order.Count);
    }

    /// <summary>
    /// |weight| of each standardised feature, summed over the scores (one per class for multinomial models); a
    /// categorical feature counts its largest category's weights, the most a row's category can move the score.
    /// </summary>
    static FeatureImportanceTable FromLinear(string[] names, LinearModel linear)
    {
        var weight = new double[names.Length];
        var k = linear.ScoreCount;
        foreach (var term in linear.Terms)
        {
            var values = linear.Features[term.Feature].Kind == FeatureKind.Categorical ? term.Weights.Length / k : 1;
            for (var v = 0; v < values; v++)
                weight[term.Feature] = Math.Max(weight[term.Feature], term.Weights.Skip(v * k).Take(k).Sum(Math.Abs));
        }
        var total = weight.Sum();
        var order = Enumerable.Range(0, names.Length).Where(f => weight[f] > 0)
            .OrderByDescending(f => weight[f]).ThenBy(f => f).ToList();
        var rows = order.Take(Top).Select(f => new FeatureImportanceRow(names[f], weight[f] / total, null, null)).ToList();
        return new("|weight| of the standardised feature (linear model; a categorical feature shows its largest category)", rows, names.Length - order.Count);
    }
}
