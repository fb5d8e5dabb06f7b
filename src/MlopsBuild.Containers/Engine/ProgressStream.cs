using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MlopsBuild.Containers.Engine;

/// <summary>
/// Reads the JSON lines that build, push and import stream back: text goes to the log as it arrives, layer byte
/// counts and build steps to their callbacks, an error line becomes a <see cref="DockerException"/> carrying the
/// engine's message, and the <c>aux</c> payloads (image id, pushed digest) are returned to the caller.
/// </summary>
static partial class ProgressStream
{
    public static async Task<IReadOnlyList<JsonElement>> ReadAsync(
        Stream stream, string what, Action<string>? log, CancellationToken cancellationToken,
        Action<LayerProgress>? layers = null, Action<BuildStep>? steps = null)
    {
        var aux = new List<JsonElement>();
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = JsonDocument.Parse(line);
            var message = json.RootElement;
            if (ErrorOf(message) is { } error) throw new DockerException($"Docker could not {what}: {error}");
            if (message.TryGetProperty("aux", out var payload)) aux.Add(payload.Clone());
            if (layers is not null && LayerProgressOf(message) is { } layer) layers(layer);
            if (TextOf(message) is { } text)
            {
                if (steps is not null && BuildStepOf(text) is { } step) steps(step);
                log?.Invoke(text);
            }
        }
        return aux;
    }

    static LayerProgress? LayerProgressOf(JsonElement message)
    {
        if (DockerResponses.StringOrNull(message, "id") is not { } id || DockerResponses.StringOrNull(message, "status") is not { } status) return null;
        var detail = message.TryGetProperty("progressDetail", out var d) ? d : default;
        return new LayerProgress(id, status, NumberOrNull(detail, "current"), NumberOrNull(detail, "total"));
    }

    static long? NumberOrNull(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;

    /// <summary>The classic builder's "Step 3/7 : COPY …" line.</summary>
    static BuildStep? BuildStepOf(string text) =>
        StepLine().Match(text) is { Success: true } match
            ? new BuildStep(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), match.Groups[3].Value)
            : null;

    [GeneratedRegex(@"^Step (\d+)/(\d+) : (.*)$")]
    private static partial Regex StepLine();

    static string? ErrorOf(JsonElement message) =>
        message.TryGetProperty("errorDetail", out var detail) && DockerResponses.StringOrNull(detail, "message") is { } detailed
            ? detailed
            : DockerResponses.StringOrNull(message, "error");

    /// <summary>Build output (<c>stream</c>) line by line; a <c>status</c> without its progress-bar updates.</summary>
    static string? TextOf(JsonElement message)
    {
        if (DockerResponses.StringOrNull(message, "stream") is { } stream)
            return stream.TrimEnd('\n', '\r') is { Length: > 0 } text ? text : null;
        if (DockerResponses.StringOrNull(message, "status") is not { } status) return null;
        if (DockerResponses.StringOrNull(message, "progress") is not null) return null;
        return DockerResponses.StringOrNull(message, "id") is { } id ? $"{id}: {status}" : status;
    }
}
