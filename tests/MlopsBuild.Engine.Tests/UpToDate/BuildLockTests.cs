using MlopsBuild.Engine.Tests.Support;
using MlopsBuild.Engine.UpToDate;

namespace MlopsBuild.Engine.Tests.UpToDate;

public sealed class BuildLockTests : IDisposable
{
    const string CanonicalText = """
        {
          "version": 1,
          "targets": {
            "Prepare": {
              "definition": "sha256:01",
              "inputs": {},
              "values": {},
              "outputs": {
                "data/clean.csv": "sha256:0c"
              }
            },
            "Train": {
              "definition": "sha256:02",
              "inputs": {
                "data/B.csv": "missing",
                "data/a.csv": "sha256:aa"
              },
              "values": {
                "Epochs": "10",
                "LearningRate": "0.001"
              },
              "outputs": {
                "models/model.onnx": "sha256:ff"
              }
            }
          }
        }

        """;

    readonly BuildSandbox _temp = new();

    string LockFile => _temp.PathOf("build.lock");

    public void Dispose() => _temp.Dispose();

    static TargetRecord Train() => new(
        "sha256:02",
        new Dictionary<string, string> { ["data/a.csv"] = "sha256:aa", ["data/B.csv"] = "missing" },
        new Dictionary<string, string> { ["LearningRate"] = "0.001", ["Epochs"] = "10" },
        new Dictionary<string, string> { ["models/model.onnx"] = "sha256:ff" });

    static TargetRecord Prepare() => new(
        "sha256:01",
        new Dictionary<string, string>(),
        new Dictionary<string, string>(),
        new Dictionary<string, string> { ["data/clean.csv"] = "sha256:0c" });

    [Fact]
    public void Missing_lock_file_is_empty_and_not_created_by_loading()
    {
        var buildLock = BuildLock.Load(LockFile);

        Assert.Null(buildLock.Get("Train"));
        Assert.False(File.Exists(LockFile));
    }

    [Fact]
    public void Written_file_is_canonical_json_with_sorted_keys_and_a_trailing_newline()
    {
        var buildLock = BuildLock.Load(LockFile);
        buildLock.Set("Train", Train());
        buildLock.Set("Prepare", Prepare());

        Assert.Equal(CanonicalText.ReplaceLineEndings("\n"), File.ReadAllText(LockFile));
    }

    [Fact]
    public void Set_persists_immediately()
    {
        BuildLock.Load(LockFile).Set("Train", Train());

        var reloaded = BuildLock.Load(LockFile).Get("Train");

        Assert.NotNull(reloaded);
        Assert.Equal("sha256:02", reloaded.Definition);
        Assert.Equal(Train().Inputs, reloaded.Inputs);
        Assert.Equal(Train().Values, reloaded.Values);
        Assert.Equal(Train().Outputs, reloaded.Outputs);
    }

    [Fact]
    public void Lock_round_trips_byte_identically()
    {
        File.WriteAllText(LockFile, CanonicalText.ReplaceLineEndings("\n"));
        var original = File.ReadAllBytes(LockFile);

        var loaded = BuildLock.Load(LockFile);
        var copy = BuildLock.Load(_temp.PathOf("copy/build.lock"));
        foreach (var name in new[] { "Train", "Prepare" }) copy.Set(name, loaded.Get(name)!);
        loaded.Set("Train", loaded.Get("Train")!);

        Assert.Equal(original, File.ReadAllBytes(_temp.PathOf("copy/build.lock")));
        Assert.Equal(original, File.ReadAllBytes(LockFile));
    }

    [Fact]
    public void Remove_persists()
    {
        var buildLock = BuildLock.Load(LockFile);
        buildLock.Set("Train", Train());
        buildLock.Set("Prepare", Prepare());

        buildLock.Remove("Train");

        var reloaded = BuildLock.Load(LockFile);
        Assert.Null(reloaded.Get("Train"));
        Assert.NotNull(reloaded.Get("Prepare"));
    }

    [Fact]
    public void Stored_record_is_not_affected_by_later_changes_to_the_callers_dictionaries()
    {
        var inputs = new Dictionary<string, string> { ["a"] = "sha256:aa" };
        var buildLock = BuildLock.Load(LockFile);
        buildLock.Set("Train", Train() with { Inputs = inputs });

        inputs["b"] = "sha256:bb";

        Assert.Single(buildLock.Get("Train")!.Inputs);
    }

    [Fact]
    public void Parallel_sets_leave_a_valid_file_with_every_target()
    {
        var buildLock = BuildLock.Load(LockFile);

        Parallel.For(0, 32, i => buildLock.Set($"Target{i:00}", Train()));

        var reloaded = BuildLock.Load(LockFile);
        Assert.All(Enumerable.Range(0, 32), i => Assert.NotNull(reloaded.Get($"Target{i:00}")));
    }

    [Fact]
    public void Syntax_error_names_the_file_line_column_and_what_to_do()
    {
        File.WriteAllText(LockFile, "{\n  \"version\": 1,\n  \"targets\": {\n    \"Train\": {\n      \"definition\": \"sha256:02\"\n      \"inputs\": {}\n");

        var error = Assert.Throws<BuildLockException>(() => BuildLock.Load(LockFile));

        Assert.Equal(6, error.Line);
        Assert.Equal(7, error.Column);
        Assert.Contains(LockFile, error.Message);
        Assert.Contains("line 6, column 7", error.Message);
        Assert.Contains("delete it to rebuild everything", error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_reported_where_they_are()
    {
        File.WriteAllBytes(LockFile, [.. "{\n  \"version\": 1,\n  \"targets\": {\"Tr"u8, 0xE4, .. "in\": {}}\n}\n"u8]);   // "ä" in Latin-1

        var error = Assert.Throws<BuildLockException>(() => BuildLock.Load(LockFile));

        Assert.Equal((3, 18), (error.Line, error.Column));
        Assert.Contains("byte 0xE4 is not UTF-8", error.Message);
    }

    [Fact]
    public void Half_a_surrogate_pair_is_reported_at_its_string()
    {
        File.WriteAllText(LockFile, "{\"version\": 1, \"targets\": {\"T\\ud800\": {}}}");

        var error = Assert.Throws<BuildLockException>(() => BuildLock.Load(LockFile));

        Assert.Equal((1, 28), (error.Line, error.Column));
        Assert.Contains("half of a surrogate pair", error.Message);
    }

    [Fact]
    public void Empty_file_is_malformed()
    {
        File.WriteAllText(LockFile, "");

        var error = Assert.Throws<BuildLockException>(() => BuildLock.Load(LockFile));

        Assert.Contains("line 1, column 1", error.Message);
    }

    [Fact]
    public void Missing_property_is_reported_at_its_target()
    {
        File.WriteAllText(LockFile, "{\n  \"version\": 1,\n  \"targets\": {\n    \"Train\": {\n      \"definition\": \"sha256:02\"\n    }\n  }\n}\n");

        var error = Assert.Throws<BuildLockException>(() => BuildLock.Load(LockFile));

        Assert.Contains("line 4, column 14", error.Message);
        Assert.Contains("target \"Train\" has no \"inputs\" property", error.Message);
    }

    [Fact]
    public void Wrong_value_type_is_reported_where_it_is()
    {
        File.WriteAllText(LockFile, "{\"version\": 1, \"targets\": {\"Train\": {\"definition\": \"d\", \"inputs\": {}, \"values\": {\"Epochs\": 10}, \"outputs\": {}}}}");

        var error = Assert.Throws<BuildLockException>(() => BuildLock.Load(LockFile));

        Assert.Equal((1, 92), (error.Line, error.Column));
        Assert.Contains("\"Epochs\"", error.Message);
        Assert.Contains("must be a string, not a number", error.Message);
    }

    [Fact]
    public void Unknown_property_is_reported_at_its_name()
    {
        File.WriteAllText(LockFile, "{\"version\": 1, \"targets\": {\"T\": {\"definition\": \"d\", \"inputz\": {}}}}");

        var error = Assert.Throws<BuildLockException>(() => BuildLock.Load(LockFile));

        Assert.Equal((1, 53), (error.Line, error.Column));
        Assert.Contains("unknown property \"inputz\" in target \"T\"", error.Message);
    }

    [Fact]
    public void Duplicate_target_is_malformed()
    {
        File.WriteAllText(LockFile, "{\"version\": 1, \"targets\": {\"A\": {\"definition\": \"d\", \"inputs\": {}, \"values\": {}, \"outputs\": {}},\n\"A\": {}}}");

        var error = Assert.Throws<BuildLockException>(() => BuildLock.Load(LockFile));

        Assert.Equal(2, error.Line);
        Assert.Contains("\"A\" appears twice", error.Message);
    }

    [Fact]
    public void Newer_version_asks_for_an_upgrade()
    {
        File.WriteAllText(LockFile, "{\n  \"targets\": {\"Train\": [\"new shape\"]},\n  \"version\": 2\n}\n");

        var error = Assert.Throws<BuildLockException>(() => BuildLock.Load(LockFile));

        Assert.Equal((3, 14), (error.Line, error.Column));
        Assert.Contains("format version 2 is not supported", error.Message);
        Assert.Contains("Upgrade MlopsBuild", error.Message);
    }

    [Fact]
    public void Merge_conflict_is_recognised()
    {
        File.WriteAllText(LockFile, "{\n  \"version\": 1,\n<<<<<<< HEAD\n  \"targets\": {}\n=======\n  \"targets\": {}\n>>>>>>> main\n}\n");

        var error = Assert.Throws<BuildLockException>(() => BuildLock.Load(LockFile));

        Assert.Equal(3, error.Line);
        Assert.Contains("merge conflict", error.Message);
    }
}
