using System.Text.Json;

namespace MlopsBuild.Core.Text;

/// <summary>
/// What System.Text.Json leaves unchecked until a string is read: that JSON text is UTF-8, and that no string escapes
/// half of a surrogate pair ("\uD800" alone). Reading such a string throws an exception that says neither what nor
/// where, so inputs from users and the network are checked whole first.
/// </summary>
public static class JsonTextCheck
{
    /// <summary>What is wrong with the text of <paramref name="json"/> and at which byte (1-based), or null.</summary>
    /// <param name="json">JSON already known to be well formed (parsed once).</param>
    public static string? Problem(ReadOnlySpan<byte> json)
    {
        var invalid = Utf8Validation.FirstInvalidByte(json);
        if (invalid >= 0) return $"byte {invalid + 1} (0x{json[invalid]:X2}) is not valid UTF-8";
        if (json.IndexOf("\\u"u8) < 0) return null; // no escape at all: no half pair
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped) continue;
            try
            {
                reader.GetString();
            }
            catch (InvalidOperationException)
            {
                return $"the string at byte {reader.TokenStartIndex + 1} escapes half of a surrogate pair (\\uD800 to \\uDFFF alone)";
            }
        }
        return null;
    }
}
