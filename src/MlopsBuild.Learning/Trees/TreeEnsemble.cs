using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Prediction;

namespace MlopsBuild.Learning.Trees;

/// <summary>
/// A boosted tree ensemble: score k = BaseScores[k] + the leaf values of trees k, k + K, k + 2K, … (K = ScoreCount).
/// The trees are compiled for scoring when the ensemble is made: change their arrays afterwards and the scores do not
/// follow (make a new ensemble instead).
/// </summary>
public sealed class TreeEnsemble : Predictor
{
    readonly CompiledForest forest;

    /// <exception cref="ArgumentException">A tree splits on a feature past <paramref name="featureCount"/>, or is not a tree.</exception>
    public TreeEnsemble(LearningTask task, int featureCount, double[] baseScores, IReadOnlyList<RegressionTree> trees)
        : base(task, featureCount, baseScores.Length)
    {
        if (trees.Count % baseScores.Length != 0)
            throw new ArgumentException($"{trees.Count} trees do not divide into {baseScores.Length} scores.", nameof(trees));
        BaseScores = baseScores;
        Trees = trees;
        forest = new CompiledForest(trees, featureCount);
    }

    public double[] BaseScores { get; }

    public IReadOnlyList<RegressionTree> Trees { get; }

    public override void Score(ReadOnlySpan<float> features, Span<double> scores)
    {
        BaseScores.CopyTo(scores);
        forest.AddScores(features, scores[..ScoreCount]);
    }

    public override void ScoreRows(FeatureMatrix matrix, int start, int count, Span<double> scores)
    {
        var k = ScoreCount;
        for (var i = 0; i < count; i++) BaseScores.CopyTo(scores.Slice(i * k, k));
        forest.AddScores(matrix, start, count, scores, k);
    }
}
