using MlopsBuild.Learning;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Prediction;

namespace MlopsBuild.Deployment.Smoke;

/// <summary>Holds a running server's predictions on known rows to the model's offline predictions, exactly.</summary>
public static class SmokeTest
{
    /// <summary>Sends <paramref name="rows"/> and returns how many were compared.</summary>
    /// <exception cref="SmokeTestException">A prediction differs (the first difference is named), or the server failed.</exception>
    public static async Task<int> RunAsync(ModelServerClient server, TrainedModel model, FeatureMatrix rows, CancellationToken cancellationToken = default)
    {
        var expected = BatchScorer.Predict(model.Predictor, rows);
        var actual = await server.InvokeAsync(ServerRecords.Of(model.Signature, rows), cancellationToken);
        var width = ScoreTransform.OutputCount(model.Task, model.Predictor.ScoreCount);
        if (actual.Length != rows.RowCount)
            throw new SmokeTestException($"the server answered {actual.Length} predictions for {rows.RowCount} rows");
        for (var row = 0; row < rows.RowCount; row++)
        {
            if (actual[row].Length != width)
                throw new SmokeTestException($"row {row}: the server gave {actual[row].Length} values, the model gives {width}");
            for (var k = 0; k < width; k++)
                if (actual[row][k] != expected[row * width + k])
                    throw new SmokeTestException(
                        $"row {row}, output {k}: the server predicts {actual[row][k]:R}, the model offline {expected[row * width + k]:R}; the image does not serve the tested model");
        }
        return rows.RowCount;
    }
}
