using System.Text.Json;
using MlopsBuild.Testing;

namespace MlopsBuild.Learning.Tests.Metrics;

/// <summary>
/// The data sets and scikit-learn's metrics for them in reference_cases.json, written offline by reference_values.py
/// (the tests never run Python). A null expected value is NaN: a metric scikit-learn does not define for those rows.
/// </summary>
internal static class ReferenceCases
{
    static readonly Lazy<JsonDocument> Document = new(Load);

    public static JsonElement Binary(string name) => Case("binary", name);

    public static JsonElement Multiclass(string name) => Case("multiclass", name);

    public static JsonElement Regression(string name) => Case("regression", name);

    public static TheoryData<string> Names(string group)
    {
        var names = new TheoryData<string>();
        foreach (var item in Document.Value.RootElement.GetProperty(group).EnumerateArray()) names.Add(item.GetProperty("name").GetString()!);
        return names;
    }

    public static float[] Floats(JsonElement item, string property) =>
        [.. item.GetProperty(property).EnumerateArray().Select(value => (float)value.GetDouble())];

    public static double[] Doubles(JsonElement item, string property) =>
        [.. item.GetProperty(property).EnumerateArray().Select(Number)];

    public static double Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? double.NaN : value.GetDouble();

    static JsonElement Case(string group, string name)
    {
        foreach (var item in Document.Value.RootElement.GetProperty(group).EnumerateArray())
            if (item.GetProperty("name").GetString() == name) return item;
        throw new InvalidOperationException($"No {group} case called {name} in reference_cases.json.");
    }

    static JsonDocument Load() =>
        JsonDocument.Parse(File.ReadAllBytes(RepositoryRoot.File("tests", "MlopsBuild.Learning.Tests", "Metrics", "reference_cases.json")));
}
