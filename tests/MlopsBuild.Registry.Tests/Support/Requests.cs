using MlopsBuild.Registry.Versions;

namespace MlopsBuild.Registry.Tests.Support;

/// <summary>Registration requests with real artifact files written under <c>filesDirectory</c>.</summary>
internal static class Requests
{
    public static RegistrationRequest Accepted(string filesDirectory, string modelContent, params (string Name, double Value)[] metrics) =>
        Build(filesDirectory, modelContent, metrics, accepted: true, [new GateCheck("threshold", "auc ≥ 0.5", true, "passed")]);

    public static RegistrationRequest Rejected(string filesDirectory, string modelContent, params (string Name, double Value)[] metrics) =>
        Build(filesDirectory, modelContent, metrics, accepted: false,
            [new GateCheck("threshold", "auc ≥ 0.85", false, "0.61 < 0.85", 0.61, 0.85), new GateCheck("golden", "golden predictions", true, "12 rows equal")]);

    public static RegistrationRequest Build(string filesDirectory, string modelContent, (string Name, double Value)[] metrics, bool accepted, IReadOnlyList<GateCheck> checks,
        IReadOnlyDictionary<string, string>? parameters = null)
    {
        Directory.CreateDirectory(filesDirectory);
        var model = Path.Combine(filesDirectory, $"model-{Guid.NewGuid():N}.mlmodel");
        var metricsFile = Path.Combine(filesDirectory, $"metrics-{Guid.NewGuid():N}.json");
        File.WriteAllText(model, modelContent);
        File.WriteAllText(metricsFile, "{\"shared\": true}");
        return new RegistrationRequest
        {
            Artifacts = new Dictionary<string, string> { ["model.mlmodel"] = model, ["metrics.json"] = metricsFile },
            Lineage = new Lineage
            {
                Git = new GitState("0123abcd", "main", Dirty: false),
                DataFingerprints = new Dictionary<string, string> { ["data/loans.csv"] = "sha256:" + new string('d', 64) },
                SchemaHash = "sha256:" + new string('5', 64),
                Trainer = "gbdt",
                Parameters = parameters ?? new Dictionary<string, string> { ["trees"] = "200", ["learning_rate"] = "0.1" },
                Seed = 42,
                SdkVersion = "10.0.100",
                Libraries = new Dictionary<string, string> { ["MlopsBuild.Learning"] = "1.0.0" },
                CreatedAt = DateTimeOffset.UnixEpoch,
                CreatedBy = "alice",
            },
            Metrics = metrics.ToDictionary(m => m.Name, m => m.Value),
            Checks = checks,
            Accepted = accepted,
        };
    }
}
