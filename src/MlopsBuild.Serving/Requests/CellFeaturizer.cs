using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using MlopsBuild.Data.Schema;
using MlopsBuild.Learning.Features;
using MlopsBuild.Serving.Models;

namespace MlopsBuild.Serving.Requests;

/// <summary>
/// Turns the JSON values of a request into the model's features, through the model's own featurizer (so serving
/// parses exactly as training did). null is a missing value and an unseen category is missing too (the model handles
/// both); a value of the wrong JSON type, or a number that is not finite, is refused.
/// </summary>
public static class CellFeaturizer
{
    /// <summary>Longest number text accepted (a float needs far fewer digits).</summary>
    const int MaxNumberLength = 128;

    /// <summary>Longest text (in UTF-8 bytes) decoded on the stack; a longer category or date-time becomes a string.</summary>
    const int MaxStackText = 256;

    /// <exception cref="BadInputException">The value does not fit the input's type.</exception>
    public static void FeaturizeRow(ServingModel model, InputTable table, int row, Span<float> features)
    {
        for (var input = 0; input < table.InputCount; input++)
            features[input] = Featurize(model, input, table[row, input], row);
    }

    static float Featurize(ServingModel model, int input, JsonElement cell, int row)
    {
        var column = model.Inputs[input];
        var featurizer = model.Model.Featurizer;
        if (cell.ValueKind == JsonValueKind.Null) return float.NaN;
        switch (column.Type)
        {
            case ColumnType.Numeric or ColumnType.Integer:
                if (cell.ValueKind != JsonValueKind.Number) throw WrongType(column.Name, column.Type, cell, row);
                var raw = JsonMarshal.GetRawUtf8Value(cell);
                if (raw.Length > MaxNumberLength) throw WrongType(column.Name, column.Type, cell, row);
                if (TryFeaturizeUtf8(featurizer, input, raw, out var number)) return number;
                if (column.Type == ColumnType.Integer)
                    throw BadInputException.WrongType($"Input '{column.Name}' (row {row}) is {Encoding.UTF8.GetString(raw)}: it takes whole numbers.", column.Name, row);
                throw BadInputException.NotFinite($"Input '{column.Name}' (row {row}) is {Encoding.UTF8.GetString(raw)}, which is not a finite number: send a finite number, or null for a missing value.", column.Name, row);
            case ColumnType.Boolean:
                return cell.ValueKind switch
                {
                    JsonValueKind.True => 1f,
                    JsonValueKind.False => 0f,
                    _ => throw WrongType(column.Name, column.Type, cell, row),
                };
            default:
                if (cell.ValueKind != JsonValueKind.String) throw WrongType(column.Name, column.Type, cell, row);
                if (TryFeaturizeString(featurizer, input, cell, out var value)) return value;
                throw BadInputException.WrongType($"Input '{column.Name}' (row {row}) is \"{cell.GetString()}\": it takes ISO 8601 date-times such as \"2025-01-31T12:00:00Z\".", column.Name, row);
        }
    }

    /// <summary>
    /// A category or date-time from the request's own bytes, decoded on the stack: no string per cell. A string with
    /// escapes, or a long one, is unescaped by <see cref="JsonElement.GetString"/> instead.
    /// </summary>
    static bool TryFeaturizeString(Featurizer featurizer, int input, JsonElement cell, out float value)
    {
        var content = JsonMarshal.GetRawUtf8Value(cell)[1..^1]; // the raw value has its quotes
        return content.Length > MaxStackText || content.Contains((byte)'\\')
            ? featurizer.TryFeaturize(input, cell.GetString(), out value)
            : TryFeaturizeUtf8(featurizer, input, content, out value);
    }

    /// <summary>The input's value from UTF-8 text of at most <see cref="MaxStackText"/> bytes, decoded on the stack.</summary>
    static bool TryFeaturizeUtf8(Featurizer featurizer, int input, ReadOnlySpan<byte> utf8, out float value)
    {
        Span<char> text = stackalloc char[MaxStackText];
        var length = Encoding.UTF8.GetChars(utf8, text);
        return featurizer.TryFeaturize(input, text[..length], out value);
    }

    static BadInputException WrongType(string name, ColumnType type, JsonElement cell, int row) =>
        BadInputException.WrongType(
            $"Input '{name}' (row {row}) is {Describe(cell)}: it takes {Expected(type)}, or null for a missing value.", name, row);

    static string Expected(ColumnType type) => type switch
    {
        ColumnType.Numeric => "numbers (FP64)",
        ColumnType.Integer => "whole numbers (INT64)",
        ColumnType.Boolean => "true or false (BOOL)",
        ColumnType.Categorical => "category names as strings (BYTES)",
        _ => "ISO 8601 date-times as strings (BYTES)",
    };

    static string Describe(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "absent",
    };
}
