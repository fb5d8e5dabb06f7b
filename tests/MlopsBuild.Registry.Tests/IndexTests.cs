using MlopsBuild.Registry.Tests.Support;

namespace MlopsBuild.Registry.Tests;

public sealed class IndexTests : IDisposable
{
    readonly RegistryFolder _folder = new();

    [Fact]
    public void A_missing_index_is_rebuilt_from_the_records_and_the_audit_log()
    {
        var registry = _folder.Open();
        for (var i = 1; i <= 3; i++) registry.Register(_folder.Accepted($"model {i}", ("auc", i / 10.0)));
        registry.SetAlias("lab", 3, "deploy");
        registry.SetAlias("factory", 2, "promote");
        registry.RemoveAlias("lab", "teardown");
        var before = registry.List();
        File.Delete(_folder.PathOf("index.json"));

        var after = _folder.Open().List();

        Assert.Equal(before.Select(Describe), after.Select(Describe));
        Assert.True(File.Exists(_folder.PathOf("index.json")));
    }

    [Fact]
    public void An_index_older_than_the_records_and_the_log_is_noticed_and_rebuilt()
    {
        var registry = _folder.Open();
        registry.Register(_folder.Accepted("one"));
        var oldIndex = File.ReadAllBytes(_folder.PathOf("index.json"));
        registry.Register(_folder.Accepted("two"));
        registry.SetAlias("lab", 2, "deploy");
        File.WriteAllBytes(_folder.PathOf("index.json"), oldIndex);

        var reopened = _folder.Open();

        Assert.Equal([2, 1], reopened.List().Select(v => v.Number));
        Assert.Equal(2, reopened.Resolve("lab").Number);
    }

    [Fact]
    public void A_registry_instance_sees_versions_another_instance_registered()
    {
        var first = _folder.Open();
        var second = _folder.Open("bob");
        first.Register(_folder.Accepted("one"));
        Assert.Single(second.List());

        second.Register(_folder.Accepted("two"));

        Assert.Equal([2, 1], first.List().Select(v => v.Number));
    }

    static string Describe(Versions.VersionSummary v) => $"{v.Number} {v.Status} {string.Join(',', v.Aliases)} {string.Join(',', v.Metrics)}";

    public void Dispose() => _folder.Dispose();
}
