using System.Text.Json;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Tests.Support;

namespace MlopsBuild.Engine.Tests;

public sealed class ExecutionTests : IDisposable
{
    readonly BuildSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    class Failing : PipelineBuild
    {
        [Parameter] readonly bool Deploy = false;

        Target Compile => _ => _.Executes(() => Console.WriteLine("ran Compile"));
        Target Lint => _ => _.ProceedAfterFailure().Executes(() =>
        {
            Console.WriteLine("ran Lint");
            throw new BuildFailedException("3 style violations");
        });
        Target Test => _ => _.DependsOn(Compile).After(Lint).Executes(() =>
        {
            Console.WriteLine("ran Test");
            throw new InvalidOperationException("the model file is corrupt");
        });
        Target Docs => _ => _.After(Test).Executes(() => Console.WriteLine("ran Docs"));
        Target Package => _ => _.DependsOn(Test).Executes(() => Console.WriteLine("ran Package"));
        Target Cleanup => _ => _.After(Package).AssuredAfterFailure().Executes(() => Console.WriteLine("ran Cleanup"));
        Target Publish => _ => _.OnlyWhen(() => Deploy && IsServerBuild).Executes(() => Console.WriteLine("ran Publish"));
        Target Everything => _ => _.DependsOn(Lint, Package, Docs, Cleanup).Executes(() => Console.WriteLine("ran Everything"));
    }

    [Fact]
    public void A_failure_stops_the_build_but_clean_up_still_runs()
    {
        var result = sandbox.Run<Failing>("Everything");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["Compile", "Lint", "Test", "Cleanup"], result.Ran());
        Assert.Contains("Failed", result.SummaryRow("Lint"));
        Assert.Contains("3 style violations", result.SummaryRow("Lint"));
        Assert.Contains("Failed", result.SummaryRow("Test"));
        Assert.Contains("Not run", result.SummaryRow("Package"));
        Assert.Contains("Test failed", result.SummaryRow("Package"));
        Assert.Contains("Not run", result.SummaryRow("Docs"));
        Assert.Contains("the build stopped after Test failed", result.SummaryRow("Docs"));
        Assert.Contains("Succeeded", result.SummaryRow("Cleanup"));
        Assert.Contains("Build failed.", result.Output);
    }

    [Fact]
    public void A_failing_target_gives_one_message_and_a_stack_trace_only_when_verbose()
    {
        var normal = sandbox.Run<Failing>("Test");
        Assert.Contains("error: target Test failed: the model file is corrupt", normal.Output);
        Assert.Contains("(InvalidOperationException; run with --verbosity verbose for the stack trace)", normal.Output);
        Assert.DoesNotContain("   at ", normal.Output);

        var verbose = sandbox.Run<Failing>("Test", "--verbosity", "verbose");
        Assert.Contains("   at ", verbose.Output);
    }

    [Fact]
    public void A_false_condition_skips_the_target_and_shows_the_condition()
    {
        var result = sandbox.Run<Failing>("Publish");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Ran());
        Assert.Contains("Skipped", result.SummaryRow("Publish"));
        Assert.Contains("condition is false: Deploy && IsServerBuild", result.SummaryRow("Publish"));

        sandbox.Environment["CI"] = "true";
        Assert.Equal(["Publish"], sandbox.Run<Failing>("Publish", "--deploy").Ran());
    }

    class Notes : PipelineBuild
    {
        Target Train => _ => _.Executes(async () =>
        {
            await Task.Delay(20);
            Console.Write("rows ");
            Console.WriteLine("read");
            Note("auc", 0.9123);
            Note("rows", 5000);
        });
    }

    [Fact]
    public void Async_targets_run_and_their_notes_reach_the_summary_and_the_manifest()
    {
        var result = sandbox.Run<Notes>("Train");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\nrows read\n", result.Output.Replace("\r", ""));
        Assert.Contains("auc: 0.9123", result.SummaryRow("Train"));

        using var manifest = JsonDocument.Parse(result.Manifest);
        var train = manifest.RootElement.GetProperty("targets")[0];
        Assert.Equal("succeeded", manifest.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("Train", train.GetProperty("name").GetString());
        Assert.Equal("Succeeded", train.GetProperty("status").GetString());
        Assert.Equal("5000", train.GetProperty("notes").GetProperty("rows").GetString());
        // Recorded, not timed: a 20 ms delay may measure a little under 20 ms on a coarse timer.
        Assert.True(train.GetProperty("durationMs").GetDouble() > 0);
    }

    [Fact]
    public void The_manifest_records_a_failure_with_its_exit_code()
    {
        var result = sandbox.Run<Failing>("Test");

        using var manifest = JsonDocument.Parse(result.Manifest);
        Assert.Equal("failed", manifest.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(1, manifest.RootElement.GetProperty("exitCode").GetInt32());
        var statuses = manifest.RootElement.GetProperty("targets").EnumerateArray()
            .Select(t => t.GetProperty("name").GetString() + "=" + t.GetProperty("status").GetString());
        Assert.Equal(["Compile=Succeeded", "Test=Failed"], statuses);
    }

    [Fact]
    public void On_GitHub_Actions_targets_are_grouped_and_failures_annotated()
    {
        sandbox.Environment["GITHUB_ACTIONS"] = "true";
        var summaryFile = sandbox.PathOf("step-summary.md");
        sandbox.Environment["GITHUB_STEP_SUMMARY"] = summaryFile;

        var result = sandbox.Run<Failing>("Test");

        Assert.Contains("::group::Compile\n", result.Output.Replace("\r", ""));
        Assert.Contains("::endgroup::", result.Output);
        Assert.Contains("::error title=Test failed::the model file is corrupt", result.Output);
        Assert.Contains("| Test | Failed |", File.ReadAllText(summaryFile));
    }
}
