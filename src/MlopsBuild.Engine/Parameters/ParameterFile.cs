using System.Text;
using System.Text.Json;
using MlopsBuild.Core.Text;

namespace MlopsBuild.Engine.Parameters;

/// <summary>A value from a parameters file, with where it was written (for errors).</summary>
internal sealed record FileValue(IReadOnlyList<string> Values, string File, int Line, int Column);

/// <summary>
/// Reads <c>.nuke/parameters.json</c> and <c>.nuke/parameters.NAME.json</c>: one object whose keys are
/// parameter names and whose values are strings, numbers, booleans or arrays of them.
/// </summary>
internal static class ParameterFile
{
    public static IReadOnlyDictionary<string, FileValue> Read(string path, string displayPath)
    {
        var bytes = File.ReadAllBytes(path);
        // System.Text.Json only notices bytes that are not UTF-8 (a file saved as Latin-1, say) when it reads the string.
        var invalid = Utf8Validation.FirstInvalidByte(bytes);
        if (invalid >= 0) throw Error(displayPath, bytes, invalid, $"byte 0x{bytes[invalid]:X2} is not UTF-8. Save the file as UTF-8");
        var result = new Dictionary<string, FileValue>(StringComparer.OrdinalIgnoreCase);
        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        var reader = new Utf8JsonReader(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes.AsSpan(3) : bytes, options);
        var offset = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw Error(displayPath, bytes, offset + (int)reader.TokenStartIndex, "the file must hold one JSON object, such as { \"Trees\": 200 }");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var (line, column) = Position(bytes, offset + (int)reader.TokenStartIndex);
                var key = reader.GetString()!;
                reader.Read();
                var value = JsonElement.ParseValue(ref reader);
                if (key == "$schema") continue;
                if (result.ContainsKey(key))
                    throw new BuildUsageException($"{displayPath}({line},{column}): '{key}' is set twice; keep one.");
                result[key] = new FileValue(Texts(value, displayPath, line, column, key), displayPath, line, column);
            }
        }
        catch (JsonException e)
        {
            throw new BuildUsageException(
                $"{displayPath}({(e.LineNumber ?? 0) + 1},{(e.BytePositionInLine ?? 0) + 1}): not valid JSON ({FirstSentence(e.Message)}). Fix the file or delete it.");
        }
        catch (InvalidOperationException)
        {
            // The text is UTF-8, so what a string cannot be read as is a \u escape of half a surrogate pair.
            throw Error(displayPath, bytes, offset + (int)reader.TokenStartIndex,
                "a \\u escape in this entry is half of a surrogate pair. Escape both halves (\\ud83d\\ude00) or write the character itself");
        }
        return result;
    }

    static IReadOnlyList<string> Texts(JsonElement value, string file, int line, int column, string key) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Select(item => Scalar(item, file, line, column, key)).ToList(),
        _ => [Scalar(value, file, line, column, key)],
    };

    static string Scalar(JsonElement value, string file, int line, int column, string key) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new BuildUsageException($"{file}({line},{column}): '{key}' must be a string, number, boolean or an array of them, not {value.ValueKind.ToString().ToLowerInvariant()}."),
    };

    static BuildUsageException Error(string file, byte[] bytes, int index, string message)
    {
        var (line, column) = Position(bytes, index);
        return new BuildUsageException($"{file}({line},{column}): {message}.");
    }

    static (int Line, int Column) Position(byte[] bytes, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index && i < bytes.Length; i++)
            if (bytes[i] == '\n') { line++; lineStart = i + 1; }
        return (line, index - lineStart + 1);
    }

    static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }
}
