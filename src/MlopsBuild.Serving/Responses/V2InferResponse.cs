using System.Text.Json;
using MlopsBuild.Serving.Models;

namespace MlopsBuild.Serving.Responses;

/// <summary>
/// An Open Inference Protocol infer response. A classifier gives "probabilities" (FP64, shape [N, classes], row after
/// row, classes in the metadata's order) and "label" (BYTES, shape [N]); a regressor gives "value" (FP64, shape [N]).
/// </summary>
public static class V2InferResponse
{
    public const string Probabilities = "probabilities";
    public const string Label = "label";
    public const string Value = "value";

    public static void Write(Utf8JsonWriter writer, ServingModel model, string? id, ScoredRows rows)
    {
        writer.WriteStartObject();
        writer.WriteString("model_name", model.Name);
        writer.WriteString("model_version", model.Version);
        if (id is not null) writer.WriteString("id", id);
        writer.WriteStartArray("outputs");
        if (model.IsClassifier)
        {
            StartTensor(writer, Probabilities, "FP64", rows.RowCount, rows.OutputCount);
            for (var row = 0; row < rows.RowCount; row++)
                foreach (var probability in rows.Outputs(row)) writer.WriteNumberValue(probability);
            EndTensor(writer);
            StartTensor(writer, Label, "BYTES", rows.RowCount, null);
            for (var row = 0; row < rows.RowCount; row++) writer.WriteStringValue(model.ClassNames[rows.PredictedClass(row)]);
            EndTensor(writer);
        }
        else
        {
            StartTensor(writer, Value, "FP64", rows.RowCount, null);
            for (var row = 0; row < rows.RowCount; row++) writer.WriteNumberValue(rows.Outputs(row)[0]);
            EndTensor(writer);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    static void StartTensor(Utf8JsonWriter writer, string name, string datatype, int rows, int? columns)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WriteString("datatype", datatype);
        writer.WriteStartArray("shape");
        writer.WriteNumberValue(rows);
        if (columns is { } count) writer.WriteNumberValue(count);
        writer.WriteEndArray();
        writer.WriteStartArray("data");
    }

    static void EndTensor(Utf8JsonWriter writer)
    {
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
