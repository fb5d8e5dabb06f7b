using MlopsBuild.Learning.Features;

namespace MlopsBuild.Learning.Prediction;

/// <summary>
/// A trained model's arithmetic: features in, raw scores out (log-odds, per-class margins or the regression value;
/// <see cref="ScoreTransform"/> turns them into probabilities). Immutable and safe to share between threads.
/// </summary>
public abstract class Predictor
{
    protected Predictor(LearningTask task, int featureCount, int scoreCount)
    {
        Task = task;
        FeatureCount = featureCount;
        ScoreCount = scoreCount;
    }

    public LearningTask Task { get; }

    /// <summary>Length of the feature vector <see cref="Score"/> reads.</summary>
    public int FeatureCount { get; }

    /// <summary>Raw scores per row: K for multiclass, else 1.</summary>
    public int ScoreCount { get; }

    /// <summary>One row's raw scores. Allocates nothing.</summary>
    public abstract void Score(ReadOnlySpan<float> features, Span<double> scores);

    /// <summary>
    /// Raw scores of rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) of the
    /// matrix, row after row (<paramref name="scores"/> holds count × <see cref="ScoreCount"/> values). Gives exactly
    /// what <see cref="Score"/> gives row by row; subclasses override it with a faster column-wise walk.
    /// </summary>
    public virtual void ScoreRows(FeatureMatrix matrix, int start, int count, Span<double> scores)
    {
        Span<float> row = matrix.FeatureCount <= 256 ? stackalloc float[matrix.FeatureCount] : new float[matrix.FeatureCount];
        for (var i = 0; i < count; i++)
        {
            matrix.CopyRow(start + i, row);
            Score(row, scores.Slice(i * ScoreCount, ScoreCount));
        }
    }
}
