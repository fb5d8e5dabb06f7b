using System.Text.Json;

namespace MlopsBuild.EndToEnd.Tests;

/// <summary>./build.sh TestModel and the registry targets on the sample data, in a copy of what a fresh clone holds.</summary>
public sealed class TestModelTests(RepositoryCloneFixture fixture) : IClassFixture<RepositoryCloneFixture>
{
    [Fact]
    public void TestModel_gates_registers_and_the_registry_targets_show_and_compare_versions()
    {
        var passing = fixture.Clone.BuildSh("TestModel");
        Assert.True(passing.ExitCode == 0, passing.ToString());
        Assert.Contains("PASS golden predictions match tests/golden/loans-model.verified.json", passing.Output);
        Assert.Contains("Registered v1 as a candidate", passing.Output);
        using (var gates = JsonDocument.Parse(File.ReadAllBytes(fixture.Clone.PathOf("artifacts/model/gates.json"))))
            Assert.True(gates.RootElement.GetProperty("passed").GetBoolean());
        Assert.Contains("<svg", File.ReadAllText(fixture.Clone.PathOf("artifacts/model/model-card.html")));
        var summary = Summary();
        Assert.StartsWith("## Build succeeded: TestModel\n", summary);
        Assert.Contains("### ValidateData: Data validation passed\n", summary);
        Assert.Contains("### TestModel: Model v1: candidate\n\nGates **passed**: all 13 checks.\n", summary);
        Assert.Contains("| passed | golden | golden predictions match tests/golden/loans-model.verified.json | the predictions on 25 test rows match", summary);
        Assert.Contains("Model card: [artifacts/model/model-card.html](model/model-card.html)\n", summary);

        var again = fixture.Clone.BuildSh("TestModel");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("not registered again", again.Output);

        // Fewer trees change the predictions: the golden gate fails and the version is registered as rejected.
        var changed = fixture.Clone.BuildSh("TestModel", "--trees", "20");
        Assert.Equal(1, changed.ExitCode);
        Assert.Contains("FAIL golden predictions match", changed.Output);
        Assert.Contains("error: target TestModel failed: v2 is rejected: 1 of 13 checks failed", changed.Output);
        Assert.True(File.Exists(fixture.Clone.PathOf("tests/golden/loans-model.received.json")));
        Assert.StartsWith("## Build failed: TestModel\n", Summary());
        Assert.Contains("### TestModel: Model v2: rejected\n\nGates **failed**: 1 of 13 checks.\n", Summary());
        Assert.Contains("| ❌ **failed** | golden | golden predictions match tests/golden/loans-model.verified.json |", Summary());

        var models = fixture.Clone.BuildSh("Models");
        Assert.True(models.ExitCode == 0, models.ToString());
        Assert.Matches(@"v2\s+rejected[\s\S]*v1\s+candidate", models.Output);

        var elsewhere = fixture.Clone.BuildSh("Models", "--registry-directory", "elsewhere/registry");
        Assert.True(elsewhere.ExitCode == 0, elsewhere.ToString());
        Assert.Contains("No model is registered in elsewhere/registry yet", elsewhere.Output);

        var info = fixture.Clone.BuildSh("ModelInfo", "--version", "v1");
        Assert.True(info.ExitCode == 0, info.ToString());
        Assert.Contains("data data/loans.csv: sha256:", info.Output);
        Assert.Contains("PASS auc_roc ≥ 0.85", info.Output);

        var comparison = fixture.Clone.BuildSh("CompareModels", "--versions", "v1", "v2");
        Assert.True(comparison.ExitCode == 0, comparison.ToString());
        Assert.Matches(@"Trees\s+100\s+20", comparison.Output);

        var audit = fixture.Clone.BuildSh("AuditLog");
        Assert.True(audit.ExitCode == 0, audit.ToString());
        Assert.Matches(@"register\s+v1[\s\S]*gate\s+v1\s+-\s+passed 13 checks[\s\S]*register\s+v2[\s\S]*gate\s+v2\s+-\s+golden", audit.Output);
    }

    string Summary() => File.ReadAllText(fixture.Clone.PathOf("artifacts/summary.md"));

    [Fact]
    public void Promoting_from_an_empty_registry_says_where_the_registry_must_live()
    {
        var result = fixture.Clone.BuildSh("Promote", "--registry-directory", "empty/registry");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: target Promote failed: The model registry empty/registry has no versions", result.Output);
        Assert.Contains("point --registry-directory (MLOPS_REGISTRY_DIRECTORY) at storage that keeps the registry between runs", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
    }

    [Fact]
    public void An_unknown_version_is_one_clear_error()
    {
        var result = fixture.Clone.BuildSh("ModelInfo", "--version", "v99");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: target ModelInfo failed:", result.Output);
        Assert.Contains("v99", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
    }
}
