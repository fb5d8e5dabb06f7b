using System.Text.Json;

namespace MlopsBuild.Containers.Engine;

/// <summary>Reading the engine's answers: JSON bodies, and its error bodies (<c>{"message": "…"}</c>) as one clear exception.</summary>
static class DockerResponses
{
    public static readonly JsonSerializerOptions JsonOptions = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new DockerException(
            $"Docker could not {what}: {MessageOf(body)} (HTTP {(int)response.StatusCode} {response.StatusCode}).", response.StatusCode);
    }

    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
    }

    public static string? StringOrNull(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static IReadOnlyDictionary<string, string> StringMap(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var map) && map.ValueKind == JsonValueKind.Object
            ? map.EnumerateObject().ToDictionary(entry => entry.Name, entry => entry.Value.GetString() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>();

    public static IReadOnlyList<string> StringList(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(item => item.GetString() ?? "")]
            : [];

    static string MessageOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (StringOrNull(json.RootElement, "message") is { } message) return message;
        }
        catch (JsonException)
        {
        }
        return body.Trim() is { Length: > 0 } text ? text : "no message";
    }
}
