using MlopsBuild.Learning.Prediction;

namespace MlopsBuild.Learning.Trees;

/// <summary>
/// A boosted tree ensemble: score k = BaseScores[k] + the leaf values of trees k, k + K, k + 2K, … (K = ScoreCount).
/// </summary>
public sealed class TreeEnsemble : Predictor
{
    public TreeEnsemble(LearningTask task, int featureCount, double[] baseScores, IReadOnlyList<RegressionTree> trees)
        : base(task, featureCount, baseScores.Length)
    {
        if (trees.Count % baseScores.Length != 0)
            throw new ArgumentException($"{trees.Count} trees do not divide into {baseScores.Length} scores.", nameof(trees));
        BaseScores = baseScores;
        Trees = trees;
    }

    public double[] BaseScores { get; }

    public IReadOnlyList<RegressionTree> Trees { get; }

    public override void Score(ReadOnlySpan<float> features, Span<double> scores)
    {
        BaseScores.CopyTo(scores);
        for (var t = 0; t < Trees.Count; t++)
        {
            var tree = Trees[t];
            scores[t % ScoreCount] += tree.LeafValue[tree.LeafIndex(features)];
        }
    }
}
