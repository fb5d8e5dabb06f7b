using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlopsBuild.Data.Statistics;

/// <summary>
/// Writes doubles in their shortest round-trippable form ("R"), and NaN/±∞ as the strings "NaN", "Infinity",
/// "-Infinity" (System.Text.Json's named literals), so every double survives a save and load bit for bit.
/// </summary>
internal sealed class RoundTripDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number) return reader.GetDouble();
        return reader.TokenType == JsonTokenType.String
            ? reader.GetString() switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                var other => throw new JsonException($"expected a number, found \"{other}\""),
            }
            : throw new JsonException($"expected a number, found {reader.TokenType}");
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value)) writer.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
        else if (double.IsNaN(value)) writer.WriteStringValue("NaN");
        else writer.WriteStringValue(value > 0 ? "Infinity" : "-Infinity");
    }
}
