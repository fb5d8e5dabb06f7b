using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MlopsBuild.Engine.UpToDate;

/// <summary>
/// Writes the lock file in its canonical form: keys of maps sorted ordinally, 2-space indent, '\n' line ends,
/// trailing newline, so the same state always gives the same bytes and diffs stay small.
/// </summary>
internal static class BuildLockWriter
{
    static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // The file is read by people and git, never embedded in HTML: keep '+', '<', non-ASCII paths readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IReadOnlyDictionary<string, TargetRecord> targets)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("version", BuildLock.FormatVersion);
            json.WriteStartObject("targets");
            foreach (var (name, record) in targets.OrderBy(target => target.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject(name);
                json.WriteString("definition", record.Definition);
                WriteMap(json, "inputs", record.Inputs);
                WriteMap(json, "values", record.Values);
                WriteMap(json, "outputs", record.Outputs);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    static void WriteMap(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> map)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in map.OrderBy(pair => pair.Key, StringComparer.Ordinal)) json.WriteString(key, value);
        json.WriteEndObject();
    }
}
