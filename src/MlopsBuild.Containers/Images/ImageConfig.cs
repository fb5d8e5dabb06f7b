using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlopsBuild.Containers.Engine;

namespace MlopsBuild.Containers.Images;

/// <summary>
/// Writes the image configuration (the JSON whose SHA-256 is the image id) of an image that is an existing image plus
/// labels and, optionally, one more layer on top — without the engine's builder, whose every LABEL or COPY step would
/// start a container and copy the whole filesystem on storage drivers like vfs.
/// </summary>
static class ImageConfig
{
    /// <summary>
    /// The configuration: the image's own settings (user, environment, entrypoint, …) with <paramref name="labels"/>
    /// added over its labels, its layers then <paramref name="top"/>'s, and its history then the top layer's step.
    /// Its creation time is the image's, so the same image, labels and layer always give the same id.
    /// </summary>
    /// <param name="inspected">The image as GET /images/{name}/json describes it.</param>
    /// <param name="history">The image's history, oldest first.</param>
    /// <returns>The configuration's bytes and its layers' diff ids, base first.</returns>
    public static (byte[] Bytes, IReadOnlyList<string> DiffIds) Compose(
        JsonElement inspected, IReadOnlyList<ImageHistoryEntry> history, IReadOnlyDictionary<string, string> labels, ImageLayer? top)
    {
        var created = inspected.GetProperty("Created").GetString()!;
        var config = JsonNode.Parse(inspected.GetProperty("Config").GetRawText())!.AsObject();
        config["Labels"] = MergedLabels(config["Labels"] as JsonObject, labels);

        var diffIds = new JsonArray([.. inspected.GetProperty("RootFS").GetProperty("Layers").EnumerateArray().Select(layer => (JsonNode?)layer.GetString())]);
        var layerCount = diffIds.Count;
        if (top is not null) diffIds.Add(top.DiffId);

        var image = new JsonObject
        {
            ["architecture"] = inspected.GetProperty("Architecture").GetString(),
            ["os"] = inspected.GetProperty("Os").GetString(),
        };
        if (DockerResponses.StringOrNull(inspected, "Variant") is { Length: > 0 } variant) image["variant"] = variant;
        image["created"] = created;
        image["config"] = config;
        image["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = diffIds };
        // The history must name exactly one step per layer, or the engine refuses to show it. The history API gives
        // each step's layer size, not whether it made a layer: a step made one when its size is not 0. If that does
        // not account for every layer (a base image with an empty layer), the history is left out: it is optional.
        if (history.Count(step => step.Size > 0) == layerCount)
        {
            var steps = new JsonArray([.. history.Select(HistoryEntry)]);
            if (top is not null) steps.Add(new JsonObject { ["created"] = created, ["created_by"] = top.CreatedBy });
            image["history"] = steps;
        }
        return (JsonSerializer.SerializeToUtf8Bytes(image), [.. diffIds.Select(id => id!.GetValue<string>())]);
    }

    static JsonObject MergedLabels(JsonObject? existing, IReadOnlyDictionary<string, string> labels)
    {
        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in existing ?? []) merged[name] = value?.GetValue<string>() ?? "";
        foreach (var (name, value) in labels) merged[name] = value;
        return new JsonObject(merged.Select(label => KeyValuePair.Create(label.Key, (JsonNode?)label.Value)));
    }

    static JsonNode HistoryEntry(ImageHistoryEntry step)
    {
        var entry = new JsonObject
        {
            ["created"] = step.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["created_by"] = step.CreatedBy,
        };
        if (step.Comment.Length > 0) entry["comment"] = step.Comment;
        if (step.Size == 0) entry["empty_layer"] = true;
        return entry;
    }
}
