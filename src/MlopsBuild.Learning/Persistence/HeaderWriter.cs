using System.Buffers;
using System.Text.Json;
using MlopsBuild.Data.Schema;

namespace MlopsBuild.Learning.Persistence;

/// <summary>
/// Writes the model file's header: compact JSON, keys in a fixed order and parameters sorted, so that the same model
/// always gives the same bytes. It holds no floating-point numbers (those are in the binary section).
/// </summary>
internal static class HeaderWriter
{
    public static byte[] Write(ModelFileInfo info)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString(HeaderKeys.Task, ModelWords.WordOf(ModelWords.Tasks, info.Task, "task"));
            WritePredictor(json, info);
            WriteSignature(json, info.Signature);
            WriteTraining(json, info.Metadata);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    static void WritePredictor(Utf8JsonWriter json, ModelFileInfo info)
    {
        json.WriteStartObject(HeaderKeys.Predictor);
        json.WriteString(HeaderKeys.Kind, ModelWords.WordOf(ModelWords.PredictorKinds, info.PredictorKind, "predictor"));
        json.WriteNumber(HeaderKeys.ScoreCount, info.ScoreCount);
        if (info.PredictorKind == PredictorKind.TreeEnsemble) json.WriteNumber(HeaderKeys.Trees, info.TreeCount);
        else json.WriteNumber(HeaderKeys.Terms, info.TermCount);
        json.WriteEndObject();
    }

    static void WriteSignature(Utf8JsonWriter json, Features.ModelSignature signature)
    {
        json.WriteStartObject(HeaderKeys.Signature);
        json.WriteStartArray(HeaderKeys.Inputs);
        for (var i = 0; i < signature.Inputs.Count; i++)
        {
            var input = signature.Inputs[i];
            json.WriteStartObject();
            json.WriteString(HeaderKeys.Name, input.Name);
            json.WriteString(HeaderKeys.Type, ModelWords.WordOf(ModelWords.ColumnTypes, input.Type, $"input {input.Name}"));
            if (input.Type == ColumnType.Categorical) WriteStrings(json, HeaderKeys.Categories, input.Categories);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString(HeaderKeys.Label, signature.Label);
        json.WriteString(HeaderKeys.LabelType, ModelWords.WordOf(ModelWords.ColumnTypes, signature.LabelType, "label type"));
        WriteStrings(json, HeaderKeys.ClassNames, signature.ClassNames);
        json.WriteEndObject();
    }

    static void WriteTraining(Utf8JsonWriter json, Training.TrainingMetadata metadata)
    {
        json.WriteStartObject(HeaderKeys.Training);
        json.WriteString(HeaderKeys.Trainer, metadata.Trainer);
        json.WriteStartObject(HeaderKeys.Parameters);
        foreach (var (name, value) in metadata.Parameters.OrderBy(parameter => parameter.Key, StringComparer.Ordinal))
            json.WriteString(name, value);
        json.WriteEndObject();
        json.WriteNumber(HeaderKeys.Seed, metadata.Seed);
        json.WriteString(HeaderKeys.DataFingerprint, metadata.DataFingerprint);
        json.WriteNumber(HeaderKeys.TrainingRows, metadata.TrainingRows);
        json.WriteEndObject();
    }

    static void WriteStrings(Utf8JsonWriter json, string key, IReadOnlyList<string> values)
    {
        json.WriteStartArray(key);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
