using System.Text;
using MlopsBuild.Registry.Errors;
using MlopsBuild.Registry.Tests.Support;
using MlopsBuild.Registry.Versions;

namespace MlopsBuild.Registry.Tests;

public sealed class RegistrationTests : IDisposable
{
    readonly RegistryFolder _folder = new();

    [Fact]
    public void A_registered_version_comes_back_whole_with_its_lineage_metrics_checks_and_artifacts()
    {
        var registry = _folder.Open();
        var registered = registry.Register(_folder.Accepted("model one", ("auc", 0.87), ("accuracy", 0.8)));

        var reopened = _folder.Open("bob").Get(1);

        Assert.Equal(1, registered.Number);
        Assert.Equal(VersionStatus.Candidate, reopened.Status);
        Assert.Equal("alice", reopened.RegisteredBy);
        Assert.Equal(_folder.Clock.Now, reopened.RegisteredAt);
        Assert.Equal(new GitState("0123abcd", "main", false), reopened.Lineage.Git);
        Assert.Equal("200", reopened.Lineage.Parameters["trees"]);
        Assert.Equal(42, reopened.Lineage.Seed);
        Assert.Equal(0.87, reopened.Metrics["auc"]);
        Assert.Equal("auc ≥ 0.5", Assert.Single(reopened.Checks).Name);
        Assert.Equal(["metrics.json", "model.mlmodel"], reopened.Artifacts.Keys);
        Assert.Equal("model one", Encoding.UTF8.GetString(registry.ReadArtifact(1, "model.mlmodel")));
        using var stream = registry.OpenArtifact(1, "model.mlmodel");
        Assert.Equal("model one", new StreamReader(stream).ReadToEnd());
    }

    [Fact]
    public void Artifacts_are_stored_once_under_their_content_hash()
    {
        var registry = _folder.Open();
        var first = registry.Register(_folder.Accepted("same bytes"));
        var second = registry.Register(_folder.Accepted("same bytes"));

        var sha = first.Artifacts["model.mlmodel"].Sha256;
        Assert.Equal(sha, second.Artifacts["model.mlmodel"].Sha256);
        Assert.True(File.Exists(_folder.PathOf("objects", "sha256", sha[7..9], sha[9..])));
        Assert.Equal(2, Directory.EnumerateFiles(_folder.PathOf("objects"), "*", SearchOption.AllDirectories).Count()); // model + metrics.json
    }

    [Fact]
    public void A_rejected_version_keeps_the_failed_checks_as_its_reasons()
    {
        var version = _folder.Open().Register(_folder.Rejected("bad model"));

        Assert.Equal(VersionStatus.Rejected, version.Status);
        Assert.Equal(["threshold auc ≥ 0.85: 0.61 < 0.85"], version.RejectionReasons);
    }

    [Fact]
    public void List_shows_every_version_newest_first_with_its_aliases()
    {
        var registry = _folder.Open();
        for (var i = 1; i <= 3; i++) registry.Register(_folder.Accepted($"model {i}", ("auc", 0.8 + i / 100.0)));
        registry.SetAlias("lab", 3, "deployed");
        registry.SetAlias("factory", 2, "approved");
        registry.SetAlias("shadow", 3, "trying");

        var list = _folder.Open().List();

        Assert.Equal([3, 2, 1], list.Select(v => v.Number));
        Assert.Equal(["lab", "shadow"], list[0].Aliases);
        Assert.Equal(["factory"], list[1].Aliases);
        Assert.Empty(list[2].Aliases);
        Assert.Equal(0.8 + 2 / 100.0, list[1].Metrics["auc"]);
        Assert.Equal("gbdt", list[0].Trainer);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("v2")]
    [InlineData("V2")]
    [InlineData("lab")]
    public void Resolve_accepts_a_number_a_v_label_or_an_alias(string text)
    {
        var registry = _folder.Open();
        registry.Register(_folder.Accepted("one"));
        registry.Register(_folder.Accepted("two"));
        registry.SetAlias("lab", 2, "deployed");

        Assert.Equal(2, registry.Resolve(text).Number);
    }

    [Fact]
    public void An_unknown_alias_is_one_error_naming_the_closest_alias_and_the_versions()
    {
        var registry = _folder.Open();
        registry.Register(_folder.Accepted("one"));
        registry.SetAlias("factory", 1, "approved");

        var error = Assert.Throws<RegistryNotFoundException>(() => registry.Resolve("factroy"));

        Assert.Contains("'factroy'", error.Message);
        Assert.Contains("Did you mean 'factory'?", error.Message);
        Assert.Contains("v1 to v1", error.Message);
    }

    [Fact]
    public void An_unknown_version_or_artifact_is_one_clear_error()
    {
        var registry = _folder.Open();
        registry.Register(_folder.Accepted("one"));

        Assert.Contains("no v9", Assert.Throws<RegistryNotFoundException>(() => registry.Get(9)).Message);
        Assert.Contains("Did you mean 'model.mlmodel'?", Assert.Throws<RegistryNotFoundException>(() => registry.ReadArtifact(1, "model.mlmdl")).Message);
    }

    [Fact]
    public void A_missing_alias_is_null_for_TryResolveAlias()
    {
        var registry = _folder.Open();
        registry.Register(_folder.Accepted("one"));

        Assert.Null(registry.TryResolveAlias("factory"));
    }

    [Fact]
    public void Misleading_registrations_are_refused_before_anything_is_written()
    {
        var registry = _folder.Open();
        var accepted = _folder.Accepted("one");

        Assert.Contains("no check failed", Assert.Throws<RegistryException>(() => registry.Register(accepted with { Accepted = false })).Message);
        Assert.Contains("marked accepted although check", Assert.Throws<RegistryException>(() =>
            registry.Register(accepted with { Checks = [new GateCheck("slice", "region=north: auc ≥ 0.8", false, "0.7 < 0.8")] })).Message);
        Assert.Contains("metric 'auc' is NaN", Assert.Throws<RegistryException>(() =>
            registry.Register(accepted with { Metrics = new Dictionary<string, double> { ["auc"] = double.NaN } })).Message);
        Assert.Contains("does not exist", Assert.Throws<RegistryException>(() =>
            registry.Register(accepted with { Artifacts = new Dictionary<string, string> { ["model.mlmodel"] = _folder.PathOf("nowhere") } })).Message);
        Assert.Empty(registry.List());
        Assert.Empty(registry.Audit());
    }

    [Fact]
    public void Compare_puts_lineage_parameters_and_metrics_side_by_side_with_deltas()
    {
        var registry = _folder.Open();
        registry.Register(_folder.Accepted("one", ("auc", 0.80), ("logloss", 0.5)));
        registry.Register(Requests.Build(_folder.Files, "two", [("auc", 0.85), ("f1", 0.7)], true, [],
            new Dictionary<string, string> { ["trees"] = "300", ["learning_rate"] = "0.1" }));

        var comparison = registry.Compare(1, 2);

        var auc = Assert.Single(comparison.Metrics, m => m.Name == "auc");
        Assert.Equal(0.05, auc.Delta!.Value, 10);
        Assert.Null(Assert.Single(comparison.Metrics, m => m.Name == "f1").A);
        Assert.Null(Assert.Single(comparison.Metrics, m => m.Name == "logloss").Delta);
        Assert.Equal([("learning_rate", false), ("trees", true)], comparison.Parameters.Select(p => (p.Name, p.Changed)));
        Assert.Equal(("200", "300"), comparison.Parameters.Where(p => p.Changed).Select(p => (p.A, p.B)).Single());
        Assert.Contains(comparison.Lineage, l => l.Name == "trainer" && !l.Changed);
    }

    public void Dispose() => _folder.Dispose();
}
