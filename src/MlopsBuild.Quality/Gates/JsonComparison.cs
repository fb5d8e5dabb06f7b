using System.Globalization;
using System.Text.Json;

namespace MlopsBuild.Quality.Gates;

/// <summary>Compares two JSON documents: the same shape and text, numbers within an absolute tolerance.</summary>
internal static class JsonComparison
{
    /// <summary>Where the documents first differ ("rows[3].prediction.true: 0.12 vs 0.13"), or null when they agree.</summary>
    public static string? FirstDifference(JsonElement received, JsonElement verified, double tolerance, string path = "$")
    {
        if (received.ValueKind != verified.ValueKind) return $"{path}: {Show(received)} vs {Show(verified)}";
        switch (received.ValueKind)
        {
            case JsonValueKind.Object:
                var receivedNames = received.EnumerateObject().Select(p => p.Name).ToArray();
                var verifiedNames = verified.EnumerateObject().Select(p => p.Name).ToArray();
                if (!receivedNames.SequenceEqual(verifiedNames))
                    return $"{path}: fields {string.Join(", ", receivedNames)} vs {string.Join(", ", verifiedNames)}";
                foreach (var name in receivedNames)
                    if (FirstDifference(received.GetProperty(name), verified.GetProperty(name), tolerance, $"{path}.{name}") is { } difference)
                        return difference;
                return null;
            case JsonValueKind.Array:
                if (received.GetArrayLength() != verified.GetArrayLength())
                    return $"{path}: {received.GetArrayLength()} items vs {verified.GetArrayLength()}";
                for (var i = 0; i < received.GetArrayLength(); i++)
                    if (FirstDifference(received[i], verified[i], tolerance, $"{path}[{i}]") is { } difference)
                        return difference;
                return null;
            case JsonValueKind.Number:
                return Math.Abs(received.GetDouble() - verified.GetDouble()) <= tolerance ? null : $"{path}: {Show(received)} vs {Show(verified)}";
            default:
                return received.GetRawText() == verified.GetRawText() ? null : $"{path}: {Show(received)} vs {Show(verified)}";
        }
    }

    static string Show(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => element.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        _ => element.GetRawText(),
    };
}
