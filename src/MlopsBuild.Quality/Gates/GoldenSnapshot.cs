using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MlopsBuild.Data.Schema;
using MlopsBuild.Learning;

namespace MlopsBuild.Quality.Gates;

/// <summary>
/// The golden predictions as stable, reviewable JSON: for the first rows of the test split, in row order, the data
/// row, its input values as the model reads them, and every output (a probability per class, or the value).
/// </summary>
internal static class GoldenSnapshot
{
    public static string Write(GateRun run, int rowCount)
    {
        var candidate = run.Candidate;
        var inputs = candidate.Signature.Inputs;
        var outputs = run.CandidateOutputs;
        var outputNames = candidate.Task == LearningTask.Regression ? ["value"] : candidate.Signature.ClassNames;
        var rows = Math.Min(rowCount, run.Context.TestRows.Length);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("label", candidate.Signature.Label);
            json.WriteString("task", candidate.Task.ToString());
            json.WriteStartArray("rows");
            for (var position = 0; position < rows; position++)
            {
                json.WriteStartObject();
                json.WriteNumber("row", run.Context.TestRows[position]);
                json.WriteStartObject("inputs");
                for (var j = 0; j < inputs.Count; j++) WriteInput(json, inputs[j].Name, inputs[j].Type, inputs[j].Categories, run.Features.Columns[j][position]);
                json.WriteEndObject();
                json.WriteStartObject("prediction");
                for (var k = 0; k < outputNames.Count; k++) json.WriteNumber(outputNames[k], outputs[position * run.OutputCount + k]);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    static void WriteInput(Utf8JsonWriter json, string name, ColumnType type, IReadOnlyList<string> categories, float value)
    {
        if (float.IsNaN(value))
        {
            json.WriteNull(name);
            return;
        }
        switch (type)
        {
            case ColumnType.Categorical:
                json.WriteString(name, categories[(int)value]);
                break;
            case ColumnType.Boolean:
                json.WriteBoolean(name, value != 0);
                break;
            case ColumnType.DateTime:
                json.WriteString(name, DateTimeOffset.FromUnixTimeSeconds((long)value).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteNumber(name, value); // a float's shortest round-trip text: 18892.3, not 18892.30078125
                break;
        }
    }
}
