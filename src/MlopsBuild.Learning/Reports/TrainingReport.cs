using System.Globalization;
using System.Text;
using System.Text.Json;
using MlopsBuild.Core.IO;
using MlopsBuild.Learning.Evaluation;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Reports;

/// <summary>
/// Writes a training run's metrics as JSON (for gates and tools) and Markdown (for people). Both hold only what the
/// inputs determine — no times, no host — so the same inputs give the same report bytes.
/// </summary>
public static class TrainingReport
{
    public const string JsonFile = "metrics.json";
    public const string MarkdownFile = "training.md";

    public static void WriteAll(TrainingResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        AtomicFile.WriteAllBytes(Path.Combine(directory, JsonFile), Json(result));
        AtomicFile.WriteAllText(Path.Combine(directory, MarkdownFile), Markdown(result));
    }

    /// <summary>The first metrics of an evaluation, for a log line: "auc_roc 0.8712, auc_pr 0.6110".</summary>
    public static string Headline(ModelEvaluation evaluation) =>
        string.Join(", ", evaluation.Values.Take(2).Select(v => $"{v.Name} {Number(v.Value)}"));

    public static byte[] Json(TrainingResult result)
    {
        var model = result.Model;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("task", TaskName(model.Task));
            json.WriteString("label", model.Signature.Label);
            json.WriteStartArray("classes");
            foreach (var name in model.Signature.ClassNames) json.WriteStringValue(name);
            json.WriteEndArray();
            json.WriteString("trainer", model.Metadata.Trainer);
            json.WriteStartObject("parameters");
            foreach (var (name, value) in model.Metadata.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal)) json.WriteString(name, value);
            json.WriteEndObject();
            json.WriteString("data", model.Metadata.DataFingerprint);
            json.WriteStartObject("rows");
            json.WriteNumber("train", result.Split.Train.Length);
            json.WriteNumber("validation", result.Split.Validation.Length);
            json.WriteNumber("test", result.Split.Test.Length);
            json.WriteEndObject();
            WriteMetrics(json, "test", result.Test);
            if (result.Validation is { } validation) WriteMetrics(json, "validation", validation);
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    static void WriteMetrics(Utf8JsonWriter json, string name, ModelEvaluation evaluation)
    {
        json.WriteStartObject(name);
        json.WriteNumber("rows", evaluation.Rows);
        foreach (var value in evaluation.Values) json.WriteNumber(value.Name, value.Value);
        if (evaluation.Binary is { } binary)
        {
            json.WriteNumber("threshold", binary.Threshold);
            json.WriteStartObject("confusion");
            json.WriteNumber("true_positives", binary.TruePositives);
            json.WriteNumber("false_positives", binary.FalsePositives);
            json.WriteNumber("true_negatives", binary.TrueNegatives);
            json.WriteNumber("false_negatives", binary.FalseNegatives);
            json.WriteEndObject();
        }
        if (evaluation.Multiclass is { } multiclass)
        {
            json.WriteStartArray("confusion");
            foreach (var row in multiclass.ConfusionMatrix)
            {
                json.WriteStartArray();
                foreach (var count in row) json.WriteNumberValue(count);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    public static string Markdown(TrainingResult result)
    {
        var model = result.Model;
        var text = new StringBuilder();
        text.Append("# Training: ").Append(model.Signature.Label).Append(" (").Append(TaskName(model.Task).Replace('_', ' ')).Append(")\n\n");
        text.Append("Trainer **").Append(model.Metadata.Trainer).Append("**, seed ").Append(model.Metadata.Seed.ToString(CultureInfo.InvariantCulture))
            .Append(", data `").Append(model.Metadata.DataFingerprint).Append("`.\n");
        text.Append("Rows: ").Append(Count(result.Split.Train.Length)).Append(" training, ").Append(Count(result.Split.Validation.Length))
            .Append(" validation, ").Append(Count(result.Split.Test.Length)).Append(" test.\n\n");

        text.Append("| Metric | Test |").Append(result.Validation is null ? "" : " Validation |").Append('\n');
        text.Append("|---|---:|").Append(result.Validation is null ? "" : "---:|").Append('\n');
        var validation = result.Validation?.Values;
        for (var i = 0; i < result.Test.Values.Count; i++)
        {
            var value = result.Test.Values[i];
            text.Append("| ").Append(value.Name).Append(" | ").Append(Number(value.Value)).Append(" |");
            if (validation is not null) text.Append(' ').Append(Number(validation[i].Value)).Append(" |");
            text.Append('\n');
        }
        if (result.Test.Binary is { } binary)
            text.Append("\nAt threshold ").Append(Number(binary.Threshold)).Append(" on the test rows: ")
                .Append(Count(binary.TruePositives)).Append(" true positives, ").Append(Count(binary.FalsePositives)).Append(" false positives, ")
                .Append(Count(binary.TrueNegatives)).Append(" true negatives, ").Append(Count(binary.FalseNegatives)).Append(" false negatives.\n");

        text.Append("\n## Parameters\n\n| Parameter | Value |\n|---|---|\n");
        foreach (var (name, value) in model.Metadata.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append("| ").Append(name).Append(" | ").Append(value).Append(" |\n");
        return text.ToString();
    }

    static string TaskName(LearningTask task) => task switch
    {
        LearningTask.BinaryClassification => "binary_classification",
        LearningTask.MulticlassClassification => "multiclass_classification",
        _ => "regression",
    };

    static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
