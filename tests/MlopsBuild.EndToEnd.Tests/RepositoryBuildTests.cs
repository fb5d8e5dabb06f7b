namespace MlopsBuild.EndToEnd.Tests;

public sealed class RepositoryCloneFixture : IDisposable
{
    public RepositoryCloneFixture()
    {
        Clone = TemporaryRepository.CloneOfSources();
        Help = Clone.BuildSh("--help");
    }

    public TemporaryRepository Clone { get; }
    public ProcessResult Help { get; }

    public void Dispose() => Clone.Dispose();
}

/// <summary>The repository's own build, run through build.sh in a copy of what a fresh clone holds.</summary>
public sealed class RepositoryBuildTests(RepositoryCloneFixture fixture) : IClassFixture<RepositoryCloneFixture>
{
    [Fact]
    public void Help_lists_the_pipeline_targets_and_parameters()
    {
        Assert.True(fixture.Help.ExitCode == 0, fixture.Help.ToString());
        Assert.Contains("Targets:", fixture.Help.Output);
        Assert.Contains("--configuration <Debug|Release>", fixture.Help.Output);
    }

    [Fact]
    public void The_build_program_and_its_libraries_are_compiled_ahead_of_time()
    {
        Assert.True(fixture.Help.ExitCode == 0, fixture.Help.ToString());
        var assemblies = Directory.GetFiles(fixture.Clone.PathOf(".nuke/temp/bin"), "*.dll");
        Assert.Contains(assemblies, path => Path.GetFileName(path) == "_build.dll");
        Assert.All(assemblies, path => Assert.True(IsReadyToRun(path), $"{Path.GetFileName(path)} holds no ReadyToRun code"));
    }

    /// <summary>A ReadyToRun image points to its native code from the CLI header; an IL-only assembly does not.</summary>
    static bool IsReadyToRun(string path)
    {
        using var reader = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(path));
        return reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }

    [Fact]
    public void The_committed_build_schema_is_what_the_build_generates()
    {
        Assert.True(fixture.Help.ExitCode == 0, fixture.Help.ToString());
        var committed = File.ReadAllText(Path.Combine(TemporaryRepository.SourceRoot, ".nuke", "build.schema.json"));
        var generated = File.ReadAllText(fixture.Clone.PathOf(".nuke/build.schema.json"));
        Assert.True(committed == generated, "The build's parameters or targets changed: run ./build.sh --help and commit .nuke/build.schema.json.");
    }

    [Fact]
    public void The_committed_workflows_are_what_the_build_generates()
    {
        var generate = fixture.Clone.BuildSh("--generate-ci");

        Assert.True(generate.ExitCode == 0, generate.ToString());
        var committed = Workflows(TemporaryRepository.SourceRoot);
        Assert.NotEmpty(committed);
        Assert.True(committed.SequenceEqual(Workflows(fixture.Clone.Root)),
            $"The build's workflow attributes changed: run ./build.sh --generate-ci and commit .github/workflows/.\n{generate.Output}");
    }

    static SortedDictionary<string, string> Workflows(string root) =>
        new(Directory.GetFiles(Path.Combine(root, ".github", "workflows"), "*.yml").ToDictionary(path => Path.GetFileName(path), File.ReadAllText), StringComparer.Ordinal);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_attestation_key_of_the_factory_environment_is_made_private_with_its_policy_section()
    {
        var result = fixture.Clone.BuildSh("CreateAttestationKey", "--key-file", fixture.Clone.PathOf("keys/factory.pem"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("github_environment:", result.Output);
        Assert.Contains("name: factory", result.Output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fixture.Clone.PathOf("keys/factory.pem")));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(fixture.Clone.PathOf("keys/factory.pem")));
    }

    [Fact]
    public void The_plan_of_the_test_target_runs_in_dependency_order()
    {
        var plan = fixture.Clone.BuildSh("--plan", "Test");

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Matches(@"1\. Restore[\s\S]*2\. Compile[\s\S]*3\. Test", plan.Output);
    }

    [Fact]
    public void ValidateData_checks_the_sample_data_writes_its_reports_and_is_then_up_to_date()
    {
        var first = fixture.Clone.BuildSh("ValidateData");
        var second = fixture.Clone.BuildSh("ValidateData");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("rows: 20000", first.Output);
        Assert.Contains("anomalies: 0 errors", first.Output);
        foreach (var report in new[] { "validation.json", "validation.md", "validation.html", "statistics.json" })
            Assert.True(File.Exists(fixture.Clone.PathOf("artifacts/data/" + report)), report);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Matches(@"ValidateData\s+Up to date", second.Output);
    }

    [Fact]
    public void ValidateData_fails_with_one_clear_message_when_the_data_breaks_the_schema()
    {
        var broken = fixture.Clone.PathOf("artifacts/broken.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(broken)!);
        var lines = File.ReadAllLines(fixture.Clone.PathOf("data/loans.csv"));
        File.WriteAllLines(broken, lines.Take(1500).Select((line, i) => i == 7 ? line.Replace(",north,", ",atlantis,").Replace(",south,", ",atlantis,").Replace(",east,", ",atlantis,").Replace(",west,", ",atlantis,").Replace(",central,", ",atlantis,") : line));

        var result = fixture.Clone.BuildSh("ValidateData", "--data", broken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: target ValidateData failed: artifacts/broken.csv failed validation against data/loans.schema.yaml: 1 error, the first: region: 1 value (0.067%) not among the 5 known categories; first at row 7 (broken.csv:8) 'atlantis'", result.Output);
    }
}
