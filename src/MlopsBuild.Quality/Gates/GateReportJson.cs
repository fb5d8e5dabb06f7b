using System.Text.Json;

namespace MlopsBuild.Quality.Gates;

/// <summary>A gate report as JSON, for tools and CI: the verdict, then every check in order.</summary>
public static class GateReportJson
{
    public const string FileName = "gates.json";

    public static byte[] ToBytes(GateReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteBoolean("passed", report.Passed);
            json.WriteNumber("failed", report.Failures.Count);
            json.WriteStartArray("checks");
            foreach (var check in report.Checks)
            {
                json.WriteStartObject();
                json.WriteString("kind", check.Kind);
                json.WriteString("name", check.Name);
                json.WriteBoolean("passed", check.Passed);
                json.WriteString("reason", check.Reason);
                if (check.Actual is { } actual && double.IsFinite(actual)) json.WriteNumber("actual", actual);
                if (check.Expected is { } expected && double.IsFinite(expected)) json.WriteNumber("expected", expected);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
