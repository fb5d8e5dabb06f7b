using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlopsBuild.Learning.Features;
using MlopsBuild.Serving.Models;

namespace MlopsBuild.Serving.Tests;

/// <summary>Request bodies in each form the server accepts, built from {input: value} records.</summary>
public static class Payloads
{
    /// <summary>An Open Inference Protocol infer request: one tensor of shape [N] per input.</summary>
    public static JsonObject V2(ModelSignature signature, IEnumerable<JsonObject> records, string? id = null)
    {
        var rows = records.ToArray();
        var inputs = new JsonArray();
        foreach (var input in signature.Inputs)
            inputs.Add(new JsonObject
            {
                ["name"] = input.Name,
                ["datatype"] = ServingModel.DataTypeOf(input.Type),
                ["shape"] = new JsonArray(rows.Length),
                ["data"] = new JsonArray(rows.Select(r => r[input.Name]?.DeepClone()).ToArray()),
            });
        var body = new JsonObject { ["inputs"] = inputs };
        if (id is not null) body["id"] = id;
        return body;
    }

    public static JsonObject DataframeSplit(IEnumerable<JsonObject> records)
    {
        var rows = records.ToArray();
        var columns = rows[0].Select(p => p.Key).ToArray();
        return new JsonObject
        {
            ["dataframe_split"] = new JsonObject
            {
                ["columns"] = new JsonArray(columns.Select(c => (JsonNode)c).ToArray()),
                ["data"] = new JsonArray(rows.Select(r => (JsonNode)new JsonArray(columns.Select(c => r[c]?.DeepClone()).ToArray())).ToArray()),
            },
        };
    }

    public static JsonObject Records(string form, IEnumerable<JsonObject> records) =>
        new() { [form] = new JsonArray(records.Select(r => (JsonNode)r.DeepClone()).ToArray()) };

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public static StringContent Json(JsonNode body) => Json(body.ToJsonString());

    /// <summary>Posts and parses the answer (every answer of the server is JSON, problems included).</summary>
    public static async Task<(int Status, JsonElement Body, string? ContentType)> PostAsync(HttpClient client, string path, HttpContent content)
    {
        using var response = await client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    public static async Task<(int Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
