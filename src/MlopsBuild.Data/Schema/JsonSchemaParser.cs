using System.Text;
using System.Text.Json;

namespace MlopsBuild.Data.Schema;

/// <summary>Reads JSON into a <see cref="SchemaNode"/> tree, keeping each node's position for error messages.</summary>
internal static class JsonSchemaParser
{
    public static SchemaNode Parse(byte[] utf8, string file)
    {
        ReadOnlyMemory<byte> json = utf8.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? utf8.AsMemory(Encoding.UTF8.Preamble.Length) : utf8;
        var positions = new TextPositions(json);
        var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            reader.Read();
            var document = Read(ref reader, positions, file);
            reader.Read(); // throws when anything but whitespace and comments follows the document
            return document;
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0);
            throw new SchemaFileException(file, line + 1, positions.Column(line, (int)(e.BytePositionInLine ?? 0)),
                $"not valid JSON: {FirstSentence(e.Message)}", "Fix the syntax there (quotes, commas, brackets).");
        }
    }

    static SchemaNode Read(ref Utf8JsonReader reader, TextPositions positions, string file)
    {
        var (line, column) = positions.Of((int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var entries = new List<SchemaEntry>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var (keyLine, keyColumn) = positions.Of((int)reader.TokenStartIndex);
                    var key = new SchemaScalar(Text(ref reader, keyLine, keyColumn, file), IsString: true, keyLine, keyColumn);
                    reader.Read();
                    entries.Add(new SchemaEntry(key, Read(ref reader, positions, file)));
                }
                return new SchemaMapping(entries, Compact: false, line, column);
            case JsonTokenType.StartArray:
                var items = new List<SchemaNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) items.Add(Read(ref reader, positions, file));
                return new SchemaSequence(items, Compact: true, line, column);
            case JsonTokenType.String:
                return new SchemaScalar(Text(ref reader, line, column, file), IsString: true, line, column);
            case JsonTokenType.Null:
                return new SchemaScalar(null, IsString: false, line, column);
            default: // numbers, true and false, as written
                return new SchemaScalar(Encoding.UTF8.GetString(reader.ValueSpan), IsString: false, line, column);
        }
    }

    /// <summary>A string's text; the JSON reader checks its escapes only now (the file is valid UTF-8 by then).</summary>
    static string Text(ref Utf8JsonReader reader, int line, int column, string file)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new SchemaFileException(file, line, column, "the string escapes half of a surrogate pair (\\uD800 to \\uDFFF alone)",
                "Write the character itself, or both halves of the pair (\\uD83D\\uDE00).");
        }
    }

    static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }

    /// <summary>Turns byte offsets into 1-based lines and columns counted in characters.</summary>
    sealed class TextPositions(ReadOnlyMemory<byte> utf8)
    {
        readonly int[] lineStarts = LineStarts(utf8.Span);

        public (int Line, int Column) Of(int offset)
        {
            var line = Array.BinarySearch(lineStarts, offset);
            if (line < 0) line = ~line - 1;
            return (line + 1, Column(line, offset - lineStarts[line]));
        }

        public int Column(int line, int byteInLine)
        {
            var start = lineStarts[Math.Min(line, lineStarts.Length - 1)];
            var length = Math.Clamp(byteInLine, 0, utf8.Length - start);
            return Encoding.UTF8.GetCharCount(utf8.Span.Slice(start, length)) + 1;
        }

        static int[] LineStarts(ReadOnlySpan<byte> text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
                if (text[i] == '\n') starts.Add(i + 1);
            return [.. starts];
        }
    }
}
