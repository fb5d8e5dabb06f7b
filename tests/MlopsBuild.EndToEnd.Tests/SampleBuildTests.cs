namespace MlopsBuild.EndToEnd.Tests;

/// <summary>One temporary repository with the sample build, compiled once by build.sh for all tests of the class.</summary>
public sealed class SampleRepositoryFixture : IDisposable
{
    public SampleRepositoryFixture()
    {
        Repository = TemporaryRepository.WithBuild(Path.Combine(TemporaryRepository.SourceRoot, "tests", "MlopsBuild.EndToEnd.Tests", "SampleBuild"));
        Repository.Write("data/input.txt", "the model reads the data; the data feeds the model\n");
        FirstRun = Repository.BuildSh("--plan");
    }

    public TemporaryRepository Repository { get; }
    public ProcessResult FirstRun { get; }

    public void Dispose() => Repository.Dispose();
}

public sealed class SampleBuildTests(SampleRepositoryFixture fixture) : IClassFixture<SampleRepositoryFixture>
{
    TemporaryRepository Repository => fixture.Repository;

    [Fact]
    public void The_first_run_compiles_the_build_project_then_runs_it()
    {
        Assert.True(fixture.FirstRun.ExitCode == 0, fixture.FirstRun.ToString());
        Assert.Contains("build.sh: compiling the build project (first run)", fixture.FirstRun.Output);
        Assert.Contains("Plan for Report (2 targets", fixture.FirstRun.Output);
    }

    [Fact]
    public void A_second_run_neither_recompiles_nor_repeats_up_to_date_work()
    {
        var first = Repository.BuildSh("Report");
        var second = Repository.BuildSh("Report");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("model=2\ndata=2\n", File.ReadAllText(Repository.PathOf("out/report.txt")));
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.DoesNotContain("compiling", second.Output);
        Assert.Matches(@"Report\s+Up to date", second.Output);
        Assert.Matches(@"Prepare\s+Succeeded", second.Output);
    }

    [Fact]
    public void Changing_a_parameter_from_the_command_line_reruns_the_target()
    {
        Repository.BuildSh("Report");

        var result = Repository.BuildSh("Report", "--words", "the");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Running because value Words changed (model,data → the).", result.Output);
        Assert.Equal("the=4\n", File.ReadAllText(Repository.PathOf("out/report.txt")));
    }

    [Fact]
    public void Skip_leaves_out_the_dependency()
    {
        var result = Repository.BuildSh("Explode", "--skip", "Prepare");

        Assert.Matches(@"Prepare\s+Skipped\s+–\s+--skip", result.Output);
    }

    [Fact]
    public void A_failing_target_exits_non_zero_with_one_message()
    {
        var result = Repository.BuildSh("Explode");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: target Explode failed: the sample failed on purpose", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
        Assert.Contains("Build failed.", result.Output);
    }

    [Fact]
    public void An_unknown_target_exits_with_a_usage_error()
    {
        var result = Repository.BuildSh("Reprot");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: Unknown target 'Reprot'. Did you mean 'Report'?", result.Output);
    }

    [Fact]
    public void A_secret_from_the_environment_is_masked()
    {
        var result = Repository.BuildShFrom(Repository.Root, new Dictionary<string, string> { ["MLOPS_TOKEN"] = "tok-123456" }, "Leak");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("token is ****", result.Output);
        Assert.DoesNotContain("tok-123456", result.Output);
    }

    [Fact]
    public void It_runs_from_any_working_directory_and_resolves_paths_from_there()
    {
        var elsewhere = Path.GetTempPath();

        var result = Repository.BuildShFrom(elsewhere, null, "--help", "--words", "x");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Report (default)  Counts words of the input  → Prepare", result.Output);
    }

    [Fact]
    public void Editing_the_build_recompiles_it_and_a_compile_error_fails_cleanly()
    {
        var buildFile = Repository.PathOf("build/Build.cs");
        var original = File.ReadAllText(buildFile);
        try
        {
            File.WriteAllText(buildFile, original.Replace("Checks the input exists", "Checks that the input exists"));
            var edited = Repository.BuildSh("--help");
            Assert.True(edited.ExitCode == 0, edited.ToString());
            Assert.Contains("compiling the build project (sources changed)", edited.Output);
            Assert.Contains("Checks that the input exists", edited.Output);

            File.WriteAllText(buildFile, original.Replace("class Build", "class Build {"));
            var broken = Repository.BuildSh("--help");
            Assert.NotEqual(0, broken.ExitCode);
            Assert.Contains("error CS", broken.Output);
        }
        finally
        {
            File.WriteAllText(buildFile, original);
        }
    }
}
