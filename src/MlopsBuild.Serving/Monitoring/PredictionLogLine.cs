using System.Buffers;
using System.Text.Json;
using MlopsBuild.Serving.Models;
using MlopsBuild.Serving.Requests;
using MlopsBuild.Serving.Responses;

namespace MlopsBuild.Serving.Monitoring;

/// <summary>
/// One prediction-log line: <c>{"time", "model", "version", "inputs": {name: value as sent}, "outputs": {"label",
/// "probabilities"} or {"value"}}</c>. Inputs are kept as sent (an unseen category stays visible to drift checks).
/// </summary>
public static class PredictionLogLine
{
    public static byte[] Build(ServingModel model, InputTable table, ScoredRows rows, int row, DateTimeOffset time)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("time", time);
            writer.WriteString("model", model.Name);
            writer.WriteString("version", model.Version);
            writer.WriteStartObject("inputs");
            for (var input = 0; input < table.InputCount; input++)
            {
                writer.WritePropertyName(model.Inputs[input].Name);
                table[row, input].WriteTo(writer);
            }
            writer.WriteEndObject();
            writer.WriteStartObject("outputs");
            if (model.IsClassifier)
            {
                writer.WriteString(V2InferResponse.Label, model.ClassNames[rows.PredictedClass(row)]);
                writer.WriteStartArray(V2InferResponse.Probabilities);
                foreach (var probability in rows.Outputs(row)) writer.WriteNumberValue(probability);
                writer.WriteEndArray();
            }
            else
            {
                writer.WriteNumber(V2InferResponse.Value, rows.Outputs(row)[0]);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
