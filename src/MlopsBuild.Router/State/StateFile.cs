using System.Globalization;
using System.Text.Json;
using MlopsBuild.Core.Text;
using MlopsBuild.Router.Upstreams;

namespace MlopsBuild.Router.State;

/// <summary>
/// The current upstream on disk, <c>{"upstream":…,"label":…,"since":…}</c>, so that a restarted router goes on where it
/// was rather than back to its start-up upstream. Written to a temporary file beside it, then renamed over it, so a
/// reader (or a crash half-way) sees the old state or the new one, never a mix.
/// </summary>
sealed class StateFile(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The saved state; null when there is no file yet.</summary>
    /// <exception cref="StartupException">The file exists but cannot be read as a state.</exception>
    public UpstreamState? Read()
    {
        if (!File.Exists(Path)) return null;
        try
        {
            var bytes = File.ReadAllBytes(Path);
            using var json = JsonDocument.Parse(bytes);
            if (JsonTextCheck.Problem(bytes) is { } problem) throw new FormatException(problem + ".");
            return Parse(json.RootElement);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException)
        {
            throw new StartupException(
                $"The state file {Path} cannot be read: {e.Message} Repair it, or delete it to start from --upstream/--label.");
        }
    }

    /// <exception cref="IOException">The file or its folder cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its folder cannot be written.</exception>
    public void Write(UpstreamState state)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(folder);
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    writer.WriteStartObject();
                    writer.WriteString("upstream", state.AddressText);
                    writer.WriteString("label", state.Label);
                    writer.WriteString("since", state.SinceText);
                    writer.WriteEndObject();
                }
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    static UpstreamState Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("it is not a JSON object.");
        var addressText = String(root, "upstream") ?? throw new FormatException("it has no \"upstream\".");
        var address = UpstreamRules.ParseAddress(addressText, out var problem) ?? throw new FormatException($"\"upstream\" {problem}");
        var label = String(root, "label");
        if (label is not null && UpstreamRules.LabelProblem(label) is { } labelProblem) throw new FormatException($"\"label\" {labelProblem}");
        var sinceText = String(root, "since") ?? throw new FormatException("it has no \"since\".");
        if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
            throw new FormatException($"\"since\" is '{sinceText}', not a UTC time such as 2026-01-31T12:00:00.000Z.");
        return new UpstreamState(address, label, since);
    }

    /// <summary>A string property; null when absent or null.</summary>
    static string? String(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FormatException($"\"{name}\" is not a string.");
    }
}
