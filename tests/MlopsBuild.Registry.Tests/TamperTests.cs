using MlopsBuild.Registry.Errors;
using MlopsBuild.Registry.Tests.Support;

namespace MlopsBuild.Registry.Tests;

public sealed class TamperTests : IDisposable
{
    readonly RegistryFolder _folder = new();

    [Fact]
    public void A_tampered_artifact_is_refused_on_every_read_naming_version_artifact_and_path()
    {
        var registry = _folder.Open();
        var version = registry.Register(_folder.Accepted("the real model"));
        var sha = version.Artifacts["model.mlmodel"].Sha256;
        var objectPath = _folder.PathOf("objects", "sha256", sha[7..9], sha[9..]);
        File.WriteAllText(objectPath, "the fake model");

        var read = Assert.Throws<RegistryCorruptException>(() => registry.ReadArtifact(1, "model.mlmodel"));
        var open = Assert.Throws<RegistryCorruptException>(() => registry.OpenArtifact(1, "model.mlmodel"));

        Assert.All(new[] { read, open }, error =>
        {
            Assert.Contains("'model.mlmodel' of v1 is corrupt", error.Message);
            Assert.Equal(objectPath, error.Path);
        });
        Assert.Equal("{\"shared\": true}", System.Text.Encoding.UTF8.GetString(registry.ReadArtifact(1, "metrics.json")));
    }

    [Fact]
    public void A_missing_artifact_is_reported()
    {
        var registry = _folder.Open();
        var sha = registry.Register(_folder.Accepted("model")).Artifacts["model.mlmodel"].Sha256;
        File.Delete(_folder.PathOf("objects", "sha256", sha[7..9], sha[9..]));

        Assert.Contains("is missing", Assert.Throws<RegistryCorruptException>(() => registry.ReadArtifact(1, "model.mlmodel")).Message);
    }

    [Fact]
    public void Registering_the_same_content_again_repairs_a_damaged_object()
    {
        var registry = _folder.Open();
        var sha = registry.Register(_folder.Accepted("model")).Artifacts["model.mlmodel"].Sha256;
        File.WriteAllText(_folder.PathOf("objects", "sha256", sha[7..9], sha[9..]), "damaged");

        registry.Register(_folder.Accepted("model"));

        Assert.Equal("model", System.Text.Encoding.UTF8.GetString(registry.ReadArtifact(1, "model.mlmodel")));
    }

    [Fact]
    public void An_edited_record_is_detected_by_the_index_and_after_a_rebuild_by_the_audit_log()
    {
        var registry = _folder.Open();
        registry.Register(_folder.Accepted("model", ("auc", 0.61)));
        var record = _folder.PathOf("versions", "000001.json");
        File.WriteAllText(record, File.ReadAllText(record).Replace("0.61", "0.91", StringComparison.Ordinal));

        Assert.Contains("v1 was changed after it was registered", Assert.Throws<RegistryCorruptException>(() => registry.Get(1)).Message);

        File.Delete(_folder.PathOf("index.json"));
        var error = Assert.Throws<RegistryCorruptException>(() => _folder.Open());
        Assert.Contains("the audit log recorded", error.Message);
        Assert.Equal(record, error.Path);
    }

    [Fact]
    public void An_unreadable_record_is_one_clear_error()
    {
        var registry = _folder.Open();
        registry.Register(_folder.Accepted("model"));
        File.WriteAllText(_folder.PathOf("versions", "000001.json"), "{ not json");
        File.Delete(_folder.PathOf("index.json"));

        Assert.Contains("record of v1 is unreadable", Assert.Throws<RegistryCorruptException>(() => _folder.Open()).Message);
    }

    [Fact]
    public void A_hand_edited_index_is_not_used_and_the_message_says_to_delete_it()
    {
        var registry = _folder.Open();
        registry.Register(_folder.Accepted("model", ("auc", 0.61)));
        var index = _folder.PathOf("index.json");
        File.WriteAllText(index, File.ReadAllText(index).Replace("0.61", "0.99", StringComparison.Ordinal));

        var error = Assert.Throws<RegistryCorruptException>(() => _folder.Open());

        Assert.Contains("checksum does not match", error.Message);
        Assert.Contains("delete it", error.Message);
        File.Delete(index);
        Assert.Equal(0.61, _folder.Open().List().Single().Metrics["auc"]);
    }

    [Fact]
    public void A_deleted_record_is_reported_not_skipped()
    {
        var registry = _folder.Open();
        registry.Register(_folder.Accepted("one"));
        registry.Register(_folder.Accepted("two"));
        File.Delete(_folder.PathOf("versions", "000001.json"));

        Assert.Contains("record of v1 is missing", Assert.Throws<RegistryCorruptException>(() => registry.Get(1)).Message);
        File.Delete(_folder.PathOf("index.json"));
        Assert.Contains("record of v1 is missing", Assert.Throws<RegistryCorruptException>(() => _folder.Open()).Message);
    }

    public void Dispose() => _folder.Dispose();
}
