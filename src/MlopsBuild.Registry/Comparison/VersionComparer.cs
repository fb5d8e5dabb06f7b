using System.Globalization;
using MlopsBuild.Registry.Versions;

namespace MlopsBuild.Registry.Comparison;

/// <summary>Lines two versions up name by name (the union of both sides, ordinal order).</summary>
internal static class VersionComparer
{
    public static VersionComparison Compare(ModelVersion a, ModelVersion b) =>
        new(a, b, Rows(LineageValues(a.Lineage), LineageValues(b.Lineage)), Rows(a.Lineage.Parameters, b.Lineage.Parameters),
            a.Metrics.Keys.Union(b.Metrics.Keys).Order(StringComparer.Ordinal)
                .Select(name => new MetricDifference(name, Value(a.Metrics, name), Value(b.Metrics, name)))
                .ToList());

    static List<ValueDifference> Rows(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Keys.Union(b.Keys).Order(StringComparer.Ordinal)
            .Select(name => new ValueDifference(name, a.GetValueOrDefault(name), b.GetValueOrDefault(name)))
            .ToList();

    static double? Value(IReadOnlyDictionary<string, double> metrics, string name) => metrics.TryGetValue(name, out var value) ? value : null;

    static Dictionary<string, string> LineageValues(Lineage lineage)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["trainer"] = lineage.Trainer, ["created by"] = lineage.CreatedBy };
        if (lineage.Seed is { } seed) values["seed"] = seed.ToString(CultureInfo.InvariantCulture);
        if (lineage.Git is { } git)
        {
            values["git commit"] = git.Commit;
            values["git dirty"] = git.Dirty ? "yes" : "no";
            if (git.Branch is { } branch) values["git branch"] = branch;
        }
        if (lineage.SchemaHash is { } schema) values["schema"] = schema;
        if (lineage.SdkVersion is { } sdk) values["sdk"] = sdk;
        foreach (var (name, fingerprint) in lineage.DataFingerprints) values["data " + name] = fingerprint;
        foreach (var (name, version) in lineage.Libraries) values["library " + name] = version;
        return values;
    }
}
