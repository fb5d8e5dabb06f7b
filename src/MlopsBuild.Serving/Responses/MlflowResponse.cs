using System.Text.Json;
using MlopsBuild.Serving.Models;

namespace MlopsBuild.Serving.Responses;

/// <summary>
/// An MLflow scoring-server response, <c>{"predictions": [...]}</c>, one element per row: for a classifier
/// <c>{"label": "…", "probabilities": [p0, p1, …]}</c> (classes in the metadata's order), for a regressor the value.
/// </summary>
public static class MlflowResponse
{
    public static void Write(Utf8JsonWriter writer, ServingModel model, ScoredRows rows)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("predictions");
        for (var row = 0; row < rows.RowCount; row++)
        {
            if (!model.IsClassifier)
            {
                writer.WriteNumberValue(rows.Outputs(row)[0]);
                continue;
            }
            writer.WriteStartObject();
            writer.WriteString(V2InferResponse.Label, model.ClassNames[rows.PredictedClass(row)]);
            writer.WriteStartArray(V2InferResponse.Probabilities);
            foreach (var probability in rows.Outputs(row)) writer.WriteNumberValue(probability);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
