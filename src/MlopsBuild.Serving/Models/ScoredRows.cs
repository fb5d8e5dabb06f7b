using System.Buffers;
using MlopsBuild.Learning.Prediction;
using MlopsBuild.Serving.Requests;

namespace MlopsBuild.Serving.Models;

/// <summary>
/// A request's predictions: per row, a probability per class (or the regression value) and, for a classifier, the
/// predicted class (the most probable; the lower index on a tie). Computed as offline scoring does
/// (<see cref="Predictor.Score"/> then <see cref="ScoreTransform.ToOutput"/>), so the numbers are the same bits.
/// </summary>
public sealed class ScoredRows : IDisposable
{
    readonly double[] outputs;
    readonly int[] classes;

    ScoredRows(int rows, int outputCount)
    {
        RowCount = rows;
        OutputCount = outputCount;
        outputs = ArrayPool<double>.Shared.Rent(rows * outputCount);
        classes = ArrayPool<int>.Shared.Rent(rows);
    }

    public int RowCount { get; }

    public int OutputCount { get; }

    /// <summary>Row <paramref name="row"/>'s outputs: probabilities in class order, or the one regression value.</summary>
    public ReadOnlySpan<double> Outputs(int row) => outputs.AsSpan(row * OutputCount, OutputCount);

    /// <summary>The predicted class's index (classifiers only).</summary>
    public int PredictedClass(int row) => classes[row];

    /// <summary>Every row is featurized (and so validated) before any is scored.</summary>
    /// <exception cref="BadInputException">A value does not fit its input.</exception>
    public static ScoredRows Score(ServingModel model, InputTable table)
    {
        var predictor = model.Model.Predictor;
        var featureCount = predictor.FeatureCount;
        var features = ArrayPool<float>.Shared.Rent(table.RowCount * featureCount);
        var scored = new ScoredRows(table.RowCount, model.OutputCount);
        try
        {
            for (var row = 0; row < table.RowCount; row++)
                CellFeaturizer.FeaturizeRow(model, table, row, features.AsSpan(row * featureCount, featureCount));
            var scoreCount = predictor.ScoreCount;
            Span<double> scores = scoreCount <= 64 ? stackalloc double[scoreCount] : new double[scoreCount];
            for (var row = 0; row < table.RowCount; row++)
            {
                predictor.Score(features.AsSpan(row * featureCount, featureCount), scores);
                var output = scored.outputs.AsSpan(row * scored.OutputCount, scored.OutputCount);
                ScoreTransform.ToOutput(predictor.Task, scores, output);
                scored.classes[row] = model.IsClassifier ? ArgMax(output) : -1;
            }
            return scored;
        }
        catch
        {
            scored.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(features);
        }
    }

    static int ArgMax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var k = 1; k < values.Length; k++)
            if (values[k] > values[best]) best = k;
        return best;
    }

    public void Dispose()
    {
        ArrayPool<double>.Shared.Return(outputs);
        ArrayPool<int>.Shared.Return(classes);
    }
}
