using MlopsBuild.Learning.Features;

namespace MlopsBuild.Learning.Prediction;

/// <summary>Scores many rows on every core. Each block of rows is written by one thread, so results never depend on scheduling.</summary>
public static class BatchScorer
{
    /// <summary>Rows per parallel work item: large enough to amortise scheduling, small enough to balance two cores.</summary>
    const int BlockRows = 8192;

    /// <summary>Raw scores of every row, row after row (RowCount × ScoreCount values).</summary>
    public static double[] Score(Predictor predictor, FeatureMatrix matrix, int threads = 0)
    {
        if (matrix.FeatureCount != predictor.FeatureCount)
            throw new ArgumentException($"The matrix has {matrix.FeatureCount} features, the model reads {predictor.FeatureCount}.", nameof(matrix));
        var scores = new double[(long)matrix.RowCount * predictor.ScoreCount];
        var blocks = (matrix.RowCount + BlockRows - 1) / BlockRows;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount };
        Parallel.For(0, blocks, parallel, block =>
        {
            var start = block * BlockRows;
            var count = Math.Min(BlockRows, matrix.RowCount - start);
            predictor.ScoreRows(matrix, start, count, scores.AsSpan(start * predictor.ScoreCount, count * predictor.ScoreCount));
        });
        return scores;
    }

    /// <summary>
    /// What users read for every row (see <see cref="ScoreTransform.ToOutput"/>): RowCount × OutputCount values.
    /// </summary>
    public static double[] Predict(Predictor predictor, FeatureMatrix matrix, int threads = 0)
    {
        var scores = Score(predictor, matrix, threads);
        var scoreCount = predictor.ScoreCount;
        var outputCount = ScoreTransform.OutputCount(predictor.Task, scoreCount);
        var outputs = new double[(long)matrix.RowCount * outputCount];
        for (var row = 0; row < matrix.RowCount; row++)
            ScoreTransform.ToOutput(predictor.Task, scores.AsSpan(row * scoreCount, scoreCount), outputs.AsSpan(row * outputCount, outputCount));
        return outputs;
    }
}
