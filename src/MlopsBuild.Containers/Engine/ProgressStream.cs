using System.Text.Json;

namespace MlopsBuild.Containers.Engine;

/// <summary>
/// Reads the JSON lines that build, push and import stream back: text goes to the log as it arrives, an error line
/// becomes a <see cref="DockerException"/> carrying the engine's message, and the <c>aux</c> payloads (image id,
/// pushed digest) are returned to the caller.
/// </summary>
static class ProgressStream
{
    public static async Task<IReadOnlyList<JsonElement>> ReadAsync(
        Stream stream, string what, Action<string>? log, CancellationToken cancellationToken)
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
            if (TextOf(message) is { } text) log?.Invoke(text);
        }
        return aux;
    }

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
