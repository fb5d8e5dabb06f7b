using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MlopsBuild.Data.Schema;

/// <summary>Writes a <see cref="SchemaNode"/> tree as indented JSON with LF line ends.</summary>
internal static class JsonSchemaFormatter
{
    public static string Format(SchemaNode document)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(buffer, options)) Write(writer, document);
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    static void Write(Utf8JsonWriter writer, SchemaNode node)
    {
        switch (node)
        {
            case SchemaScalar { IsString: true, Text: var text }:
                writer.WriteStringValue(text);
                break;
            case SchemaScalar { Text: null }:
                writer.WriteNullValue();
                break;
            case SchemaScalar { Text: "true" or "false" } boolean:
                writer.WriteBooleanValue(boolean.Text == "true");
                break;
            case SchemaScalar number:
                writer.WriteRawValue(number.Text);
                break;
            case SchemaSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items) Write(writer, item);
                writer.WriteEndArray();
                break;
            case SchemaMapping mapping:
                writer.WriteStartObject();
                foreach (var entry in mapping.Entries)
                {
                    writer.WritePropertyName(entry.Key.Text!);
                    Write(writer, entry.Value);
                }
                writer.WriteEndObject();
                break;
        }
    }
}
