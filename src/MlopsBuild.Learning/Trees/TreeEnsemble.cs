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
    CompiledForest? forest;

    public TreeEnsemble(LearningTask task, int featureCount, double[] baseScores, IReadOnlyList<RegressionTree> trees)
        : base(task, featureCount, baseScores.Length)
    {
        if (trees.Count % baseScores.Length != 0)
            throw new ArgumentException($"{trees.Count} trees do not divide into {baseScores.Length} scores.", nameof(trees));
        BaseScores = baseScores;
        Trees = trees;
    }

    public double[] BaseScores { get; }

    /// <summary>
    /// The trees in scoring layout, built on first use: a model file's trees are checked before they are compiled,
    /// and a forged or broken tree must give that check's clear error, not one from the compiler (which throws an
    /// ArgumentException for a tree that splits on a feature past FeatureCount or is not a tree).
    /// </summary>
    CompiledForest Forest => Volatile.Read(ref forest) ?? Compile();

    CompiledForest Compile()
    {
        Interlocked.CompareExchange(ref forest, new CompiledForest(Trees, FeatureCount), null);
        return forest!;
    }

    public IReadOnlyList<RegressionTree> Trees { get; }

    public override void Score(ReadOnlySpan<float> features, Span<double> scores)
    {
        BaseScores.CopyTo(scores);
        Forest.AddScores(features, scores[..ScoreCount]);
    }

    public override void ScoreRows(FeatureMatrix matrix, int start, int count, Span<double> scores)
    {
        var k = ScoreCount;
        for (var i = 0; i < count; i++) BaseScores.CopyTo(scores.Slice(i * k, k));
        Forest.AddScores(matrix, start, count, scores, k);
    }
}
