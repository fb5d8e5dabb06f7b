using MlopsBuild.Registry.Audit;
using MlopsBuild.Registry.Errors;
using MlopsBuild.Registry.Tests.Support;

namespace MlopsBuild.Registry.Tests;

public sealed class AuditTests : IDisposable
{
    readonly RegistryFolder _folder = new();

    [Fact]
    public void The_log_records_register_gate_alias_and_caller_events_in_order_and_chained()
    {
        var registry = _folder.Open();
        registry.Register(_folder.Rejected("bad"));
        registry.Register(_folder.Accepted("good"));
        registry.SetAlias("lab", 2, "deployed");
        registry.Append(new AuditEvent("approve", 2, "looks good", new Dictionary<string, string> { ["digest"] = "sha256:abc" }));

        var log = _folder.Open("bob").Audit();

        Assert.Equal(["register", "gate", "register", "gate", "alias", "approve"], log.Select(e => e.Action));
        Assert.Equal([1L, 2, 3, 4, 5, 6], log.Select(e => e.Sequence));
        Assert.Equal("failed", log[1].Details["result"]);
        Assert.Equal("threshold auc ≥ 0.85: 0.61 < 0.85", log[1].Reason);
        Assert.Equal("passed", log[3].Details["result"]);
        Assert.Equal(("alice", "sha256:abc"), (log[5].Actor, log[5].Details["digest"]));
        Assert.Equal(log.Count, log.Select(e => e.Hash).Distinct().Count());
    }

    [Fact]
    public void Callers_cannot_forge_the_registry_s_own_actions_or_use_odd_names()
    {
        var registry = _folder.Open();

        Assert.Contains("written by the registry itself", Assert.Throws<RegistryException>(() => registry.Append(new AuditEvent("alias"))).Message);
        Assert.Contains("not a valid audit action", Assert.Throws<RegistryException>(() => registry.Append(new AuditEvent("Approve!"))).Message);
        Assert.Contains("no v3", Assert.Throws<RegistryNotFoundException>(() => registry.Append(new AuditEvent("approve", 3))).Message);
    }

    [Fact]
    public void An_edited_line_is_detected()
    {
        RegisterAndDeploy();
        var lines = File.ReadAllLines(_folder.PathOf("audit.jsonl"));
        lines[4] = lines[4].Replace("deployed", "deployed!", StringComparison.Ordinal);
        File.WriteAllLines(_folder.PathOf("audit.jsonl"), lines);

        var error = Assert.Throws<RegistryCorruptException>(() => _folder.Open().Audit());

        Assert.Contains("line 5 was altered", error.Message);
        Assert.Equal(_folder.PathOf("audit.jsonl"), error.Path);
    }

    [Fact]
    public void A_removed_middle_line_is_detected()
    {
        RegisterAndDeploy();
        var lines = File.ReadAllLines(_folder.PathOf("audit.jsonl")).ToList();
        lines.RemoveAt(1);
        File.WriteAllLines(_folder.PathOf("audit.jsonl"), lines);
        Assert.Contains("entries were removed", Assert.Throws<RegistryCorruptException>(() => _folder.Open()).Message);
        File.Delete(_folder.PathOf("index.json")); // without the index's length, the chain itself catches it

        Assert.Contains("line 2 does not follow", Assert.Throws<RegistryCorruptException>(() => _folder.Open().Audit()).Message);
    }

    [Fact]
    public void Removing_the_last_lines_is_detected_through_the_length_the_index_remembers()
    {
        RegisterAndDeploy();
        var lines = File.ReadAllLines(_folder.PathOf("audit.jsonl"));
        File.WriteAllLines(_folder.PathOf("audit.jsonl"), lines[..^1]);

        Assert.Contains("entries were removed", Assert.Throws<RegistryCorruptException>(() => _folder.Open()).Message);
    }

    void RegisterAndDeploy()
    {
        var registry = _folder.Open();
        registry.Register(_folder.Accepted("one"));
        registry.Register(_folder.Accepted("two"));
        registry.SetAlias("lab", 2, "deployed");
    }

    public void Dispose() => _folder.Dispose();
}
