using MlopsBuild.Engine.ContinuousIntegration;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Engine.Tests.Support;
using static MlopsBuild.Engine.ContinuousIntegration.GitHubActionsTrigger;

namespace MlopsBuild.Engine.Tests.ContinuousIntegration;

public sealed class WorkflowGenerationTests : IDisposable
{
    readonly BuildSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    public enum Trainer { Gbdt, Linear }

    [GitHubActions("ci", On = [Push, PullRequest], Targets = [nameof(Train), nameof(Evaluate), nameof(Publish), nameof(Release)],
        HandOff = ["artifacts/", ".registry"], Variables = [nameof(Data), nameof(Retries)])]
    [GitHubActionsJob("ci", nameof(Publish), Outputs = ["image"])]
    [GitHubActionsJob("ci", nameof(Release), OnlyOnBranch = "main", Environment = "staging")]
    [GitHubActions("ship", OnWorkflowDispatch = true, Targets = [nameof(Ship)],
        Inputs = [nameof(Version), nameof(Trees), nameof(LearningRate), nameof(Trainer), nameof(DryRun), nameof(Data), nameof(Regions), nameof(Retries)])]
    [GitHubActionsJob("ship", nameof(Ship), Environment = "production", Secrets = [nameof(Token)], GitHubToken = true,
        ReadPermissions = [GitHubActionsScope.Actions], WritePermissions = [GitHubActionsScope.IdToken])]
    class Pipeline : PipelineBuild
    {
        [Parameter("Version to ship (empty: the latest)")] readonly string? Version = null;
        [Parameter("Number of trees")] readonly int Trees = 200;
        [Parameter("Learning rate")] readonly double LearningRate = 0.1;
        [Parameter("Trainer")] readonly Trainer Trainer = Trainer.Gbdt;
        [Parameter("Only show what would ship")] readonly bool DryRun = false;
        [Parameter("Training data")] readonly AbsolutePath Data = RootDirectory / "data" / "train.csv";
        [Parameter("Regions: \"north\", \"south\"")] readonly string[] Regions = ["north", "south"];
        [Parameter("Retries (default: the server's)")] readonly int? Retries = null;
        [Parameter, Secret("Deployment token")] readonly string? Token = null;

        Target Validate => _ => _.Inputs(Data).Executes(() => { });
        Target Train => _ => _.DependsOn(Validate).Inputs(Data, Value(Trees), Value(LearningRate), Value(Trainer)).Executes(() => { });
        Target Evaluate => _ => _.DependsOn(Train).Executes(() => { });
        Target Publish => _ => _.DependsOn(Evaluate).Executes(() => { });
        Target Release => _ => _.DependsOn(Publish).Executes(() => { });
        Target Ship => _ => _.Executes(() => Console.WriteLine($"{Version} {DryRun} {Regions.Length} {Retries} {Token}"));
    }

    [Fact]
    public void The_ci_workflow_chains_a_job_per_target_and_hands_each_one_s_results_to_the_next()
    {
        var result = sandbox.Run<Pipeline>("--generate-ci");

        Assert.True(result.ExitCode == 0, result.ToString());
        Snapshot.Verify(File.ReadAllText(sandbox.PathOf(".github/workflows/ci.yml")), "yml");
    }

    [Fact]
    public void The_dispatch_workflow_types_its_inputs_from_the_parameters_and_imports_only_the_secrets_named()
    {
        var result = sandbox.Run<Pipeline>("--generate-ci");

        Assert.True(result.ExitCode == 0, result.ToString());
        Snapshot.Verify(File.ReadAllText(sandbox.PathOf(".github/workflows/ship.yml")), "yml");
    }

    [Fact]
    public void Every_generated_workflow_passes_actionlint()
    {
        sandbox.Run<Pipeline>("--generate-ci");

        Actionlint.AssertValid(Workflows(sandbox));
    }

    [Fact]
    public void Generating_again_changes_nothing_and_says_so()
    {
        sandbox.Run<Pipeline>("--generate-ci");
        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(sandbox.PathOf(".github/workflows/ci.yml"), written);

        var again = sandbox.Run<Pipeline>("--generate-ci");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("The workflows in .github/workflows are up to date.", again.Output);
        Assert.Equal(written, File.GetLastWriteTimeUtc(sandbox.PathOf(".github/workflows/ci.yml")));
    }

    [Fact]
    public void A_local_run_warns_once_per_stale_workflow_and_generating_fixes_it()
    {
        sandbox.Run<Pipeline>("--generate-ci");
        File.AppendAllText(sandbox.PathOf(".github/workflows/ci.yml"), "# edited by hand\n");
        File.Delete(sandbox.PathOf(".github/workflows/ship.yml"));

        var stale = sandbox.Run<Pipeline>("Ship");
        var generate = sandbox.Run<Pipeline>("--generate-ci");
        var fresh = sandbox.Run<Pipeline>("Ship");

        Assert.Equal(0, stale.ExitCode);
        Assert.Equal(1, Count(stale.Output, "warning: .github/workflows/ci.yml is stale: run ./build.sh --generate-ci"));
        Assert.Equal(1, Count(stale.Output, "warning: .github/workflows/ship.yml is stale: run ./build.sh --generate-ci"));
        Assert.Contains("Wrote .github/workflows/ci.yml", generate.Output);
        Assert.Contains("Wrote .github/workflows/ship.yml", generate.Output);
        Assert.DoesNotContain("stale", fresh.Output);
    }

    [Fact]
    public void On_CI_a_stale_workflow_is_not_reported_the_committed_files_test_catches_it()
    {
        sandbox.Run<Pipeline>("--generate-ci");
        File.AppendAllText(sandbox.PathOf(".github/workflows/ci.yml"), "# edited by hand\n");
        sandbox.Environment["CI"] = "true";

        var result = sandbox.Run<Pipeline>("Ship");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("stale", result.Output);
    }

    public enum Configuration { Debug, Release }

    [GitHubActions("compile", OnWorkflowDispatch = true, Targets = [nameof(Compile)], Inputs = [nameof(Configuration)])]
    class ConfiguredByTheEnvironment : PipelineBuild
    {
        [Parameter("Configuration")] readonly Configuration Configuration = IsLocalBuild ? Configuration.Debug : Configuration.Release;

        Target Compile => _ => _.Executes(() => Console.WriteLine(Configuration));
    }

    [Fact]
    public void An_input_s_default_is_the_same_whether_generated_locally_or_on_CI()
    {
        sandbox.Run<ConfiguredByTheEnvironment>("--generate-ci");
        var local = File.ReadAllText(sandbox.PathOf(".github/workflows/compile.yml"));
        sandbox.Environment["CI"] = "true";

        var onCi = sandbox.Run<ConfiguredByTheEnvironment>("--generate-ci");

        Assert.Contains("The workflows in .github/workflows are up to date.", onCi.Output);
        Assert.Contains("default: Debug", local);
    }

    [GitHubActions("reports", On = [Push], Targets = [nameof(Measure), nameof(Report)], HandOff = [".nuke/measurements"])]
    class HandingOverInsideNuke : PipelineBuild
    {
        Target Measure => _ => _.Executes(() => { });
        Target Report => _ => _.DependsOn(Measure).Executes(() => { });
    }

    [Fact]
    public void The_hand_off_is_downloaded_where_upload_artifact_roots_it_the_folder_its_paths_share()
    {
        sandbox.Run<HandingOverInsideNuke>("--generate-ci");

        var workflow = File.ReadAllText(sandbox.PathOf(".github/workflows/reports.yml"));
        Assert.Contains("""
                      name: handoff-measure
                      path: .nuke
            """.Replace("\r\n", "\n"), workflow);
    }

    class WithoutWorkflows : PipelineBuild
    {
        Target Ship => _ => _.Executes(() => { });
    }

    [Fact]
    public void A_generated_workflow_no_longer_declared_is_deleted_and_a_hand_written_one_left_alone()
    {
        sandbox.Run<Pipeline>("--generate-ci");
        sandbox.Write(".github/workflows/pages.yml", "name: pages\n");

        var stale = sandbox.Run<WithoutWorkflows>("Ship");
        var generate = sandbox.Run<WithoutWorkflows>("--generate-ci");

        Assert.Contains("warning: .github/workflows/ci.yml is stale", stale.Output);
        Assert.DoesNotContain("pages.yml", stale.Output);
        Assert.Contains("Deleted .github/workflows/ci.yml (no longer declared)", generate.Output);
        Assert.Equal(["pages.yml"], Workflows(sandbox).Keys.Select(Path.GetFileName));
    }

    [Fact]
    public void Generate_ci_is_listed_among_the_engine_options_of_help()
    {
        var help = sandbox.Run<Pipeline>("--help");

        Assert.Matches(@"--generate-ci\s+Write \.github/workflows/\*\.yml from the \[GitHubActions\] attributes of the build, then exit", help.Output);
    }

    static Dictionary<string, string> Workflows(BuildSandbox sandbox) =>
        Directory.GetFiles(sandbox.PathOf(".github/workflows")).Order(StringComparer.Ordinal)
            .ToDictionary(path => ".github/workflows/" + Path.GetFileName(path), File.ReadAllText);

    static int Count(string text, string line) => text.Split('\n').Count(l => l.TrimEnd('\r') == line);
}
