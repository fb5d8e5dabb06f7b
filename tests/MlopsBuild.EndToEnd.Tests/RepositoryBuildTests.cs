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
    public void The_committed_build_schema_is_what_the_build_generates()
    {
        Assert.True(fixture.Help.ExitCode == 0, fixture.Help.ToString());
        var committed = File.ReadAllText(Path.Combine(TemporaryRepository.SourceRoot, ".nuke", "build.schema.json"));
        var generated = File.ReadAllText(fixture.Clone.PathOf(".nuke/build.schema.json"));
        Assert.True(committed == generated, "The build's parameters or targets changed: run ./build.sh --help and commit .nuke/build.schema.json.");
    }

    [Fact]
    public void The_plan_of_the_default_target_runs_in_dependency_order()
    {
        var plan = fixture.Clone.BuildSh("--plan");

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Matches(@"1\. Restore[\s\S]*2\. Compile[\s\S]*3\. Test", plan.Output);
    }
}
