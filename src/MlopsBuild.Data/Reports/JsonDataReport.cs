using System.Text.Encodings.Web;
using System.Text.Json;
using MlopsBuild.Data.Validation;

namespace MlopsBuild.Data.Reports;

/// <summary>The machine-readable verdict of a data check (statistics are in their own file).</summary>
internal static class JsonDataReport
{
    public static string Write(DataCheckResult result, string root)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteBoolean("passed", result.Passed);
            json.WriteNumber("rows", result.Rows);
            json.WriteNumber("bytes", result.Bytes);
            json.WriteNumber("errors", result.Errors.Count);
            json.WriteNumber("warnings", result.Warnings.Count);
            json.WriteString("fingerprint", result.Fingerprint);
            json.WriteStartArray("files");
            foreach (var file in result.Files)
            {
                json.WriteStartObject();
                json.WriteString("path", Path.GetRelativePath(root, file.Path).Replace('\\', '/'));
                json.WriteNumber("bytes", file.Bytes);
                json.WriteString("hash", file.Hash);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("anomalies");
            foreach (var anomaly in result.Anomalies) WriteAnomaly(json, anomaly);
            json.WriteEndArray();
            if (result.Drift is { } drift)
            {
                json.WriteStartObject("drift");
                json.WriteBoolean("datasetDrifted", drift.DatasetDrifted);
                json.WriteNumber("driftedColumns", drift.DriftedColumns);
                json.WriteNumber("comparedColumns", drift.ComparedColumns);
                json.WriteNumber("driftedShare", drift.DriftedShare);
                json.WriteNumber("shareThreshold", drift.ShareThreshold);
                json.WriteStartArray("columns");
                foreach (var column in drift.Columns)
                {
                    json.WriteStartObject();
                    json.WriteString("column", column.Column);
                    json.WriteBoolean("drifted", column.Drifted);
                    foreach (var measure in column.Measures)
                    {
                        json.WriteStartObject(measure.Name);
                        json.WriteNumber("value", measure.Value);
                        json.WriteNumber("threshold", measure.Threshold);
                        json.WriteEndObject();
                    }
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    static void WriteAnomaly(Utf8JsonWriter json, Anomaly anomaly)
    {
        json.WriteStartObject();
        json.WriteString("kind", anomaly.Kind.ToString());
        json.WriteString("severity", anomaly.Severity.ToString().ToLowerInvariant());
        if (anomaly.Column is { } column) json.WriteString("column", column);
        json.WriteNumber("count", anomaly.Count);
        json.WriteNumber("fraction", anomaly.Fraction);
        json.WriteStartArray("first");
        foreach (var location in anomaly.FirstLocations)
        {
            json.WriteStartObject();
            json.WriteNumber("row", location.Row);
            json.WriteString("file", location.File);
            json.WriteNumber("line", location.Line);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("examples");
        foreach (var example in anomaly.Examples) json.WriteStringValue(example);
        json.WriteEndArray();
        json.WriteString("description", anomaly.Description);
        json.WriteEndObject();
    }
}
