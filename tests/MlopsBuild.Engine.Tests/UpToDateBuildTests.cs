using System.Text.Json;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Engine.Tests.Support;

namespace MlopsBuild.Engine.Tests;

/// <summary>Up-to-date decisions as a user sees them: through whole builds in a sandbox.</summary>
public sealed class UpToDateBuildTests : IDisposable
{
    readonly BuildSandbox sandbox = new();

    public UpToDateBuildTests() => sandbox.Write("data/input.csv", "a,b\n1,2\n");

    public void Dispose() => sandbox.Dispose();

    class Copy : PipelineBuild
    {
        [Parameter] readonly int Trees = 200;
        [Parameter] readonly bool Crash = false;

        static AbsolutePath Input => RootDirectory / "data" / "input.csv";
        static AbsolutePath Model => RootDirectory / "out" / "model.txt";

        Target Train => _ => _
            .Inputs(Input, Value(Trees))
            .Outputs(Model)
            .Executes(() =>
            {
                Console.WriteLine("ran Train");
                if (Crash) throw new BuildFailedException("crashed half-way");
                Directory.CreateDirectory(Model.Parent!);
                File.WriteAllText(Model, File.ReadAllText(Input) + Trees);
            });

        Target Forgetful => _ => _.Inputs(Input).Outputs(RootDirectory / "never-written.txt").Executes(() => { });
    }

    class ChangedCode : PipelineBuild
    {
        [Parameter] readonly int Trees = 200;
        Target Train => _ => _
            .Inputs(RootDirectory / "data" / "input.csv", Value(Trees))
            .Outputs(RootDirectory / "out" / "model.txt")
            .Executes(() =>
            {
                Console.WriteLine("ran Train");
                File.WriteAllText(RootDirectory / "out" / "model.txt", "different code");
            });
    }

    [Fact]
    public void An_unchanged_target_is_skipped_and_the_summary_says_why()
    {
        Assert.Equal(["Train"], sandbox.Run<Copy>("Train").Ran());

        var second = sandbox.Run<Copy>("Train");

        Assert.Equal(0, second.ExitCode);
        Assert.Empty(second.Ran());
        Assert.Contains("Up to date", second.SummaryRow("Train"));
        Assert.Contains("inputs, definition and outputs unchanged since its last success", second.SummaryRow("Train"));
    }

    [Fact]
    public void A_changed_input_file_makes_it_run_again_and_the_log_says_which()
    {
        sandbox.Run<Copy>("Train");
        sandbox.Write("data/input.csv", "a,b\n1,3\n");

        var result = sandbox.Run<Copy>("Train");

        Assert.Equal(["Train"], result.Ran());
        Assert.Contains("Running because input data/input.csv changed.", result.Output);
    }

    [Fact]
    public void A_changed_value_makes_it_run_again()
    {
        sandbox.Run<Copy>("Train");

        var result = sandbox.Run<Copy>("Train", "--trees", "300");

        Assert.Equal(["Train"], result.Ran());
        Assert.Contains("Running because value Trees changed (200 → 300).", result.Output);
    }

    [Fact]
    public void A_missing_or_modified_output_makes_it_run_again()
    {
        sandbox.Run<Copy>("Train");
        File.Delete(sandbox.PathOf("out/model.txt"));
        Assert.Contains("Running because output out/model.txt is missing.", sandbox.Run<Copy>("Train").Output);

        File.AppendAllText(sandbox.PathOf("out/model.txt"), "tampered");
        Assert.Contains("Running because output out/model.txt was modified.", sandbox.Run<Copy>("Train").Output);
    }

    [Fact]
    public void Changed_target_code_makes_it_run_again()
    {
        sandbox.Run<Copy>("Train");

        var result = sandbox.Run<ChangedCode>("Train");

        Assert.Equal(["Train"], result.Ran());
        Assert.Contains("Running because its definition (code or libraries) changed.", result.Output);
    }

    [Fact]
    public void Force_runs_all_or_the_named_targets_anyway()
    {
        sandbox.Run<Copy>("Train");

        Assert.Equal(["Train"], sandbox.Run<Copy>("Train", "--force").Ran());
        Assert.Equal(["Train"], sandbox.Run<Copy>("Train", "--force", "train").Ran());
        Assert.Contains("Running because --force.", sandbox.Run<Copy>("Train", "--force").Output);
    }

    [Fact]
    public void The_lock_file_lets_a_fresh_clone_with_the_outputs_present_skip_the_work()
    {
        sandbox.Run<Copy>("Train");
        using var clone = new BuildSandbox();
        foreach (var file in new[] { "data/input.csv", "out/model.txt", ".nuke/build.lock.json" })
            clone.Write(file, File.ReadAllText(sandbox.PathOf(file)));

        var result = clone.Run<Copy>("Train");

        Assert.Empty(result.Ran());
        Assert.Contains("Up to date", result.SummaryRow("Train"));
    }

    [Fact]
    public void The_lock_records_relative_paths_and_values_so_it_can_be_committed()
    {
        sandbox.Run<Copy>("Train");

        using var lockFile = JsonDocument.Parse(File.ReadAllText(sandbox.PathOf(".nuke/build.lock.json")));
        var train = lockFile.RootElement.GetProperty("targets").GetProperty("Train");
        Assert.StartsWith("sha256:", train.GetProperty("inputs").GetProperty("data/input.csv").GetString());
        Assert.Equal("200", train.GetProperty("values").GetProperty("Trees").GetString());
        Assert.StartsWith("sha256:", train.GetProperty("outputs").GetProperty("out/model.txt").GetString());
        Assert.DoesNotContain(sandbox.Root, File.ReadAllText(sandbox.PathOf(".nuke/build.lock.json")));
    }

    [Fact]
    public void A_failed_run_keeps_the_last_success_and_leaves_the_lock_valid()
    {
        sandbox.Run<Copy>("Train");
        var before = File.ReadAllText(sandbox.PathOf(".nuke/build.lock.json"));

        var crashed = sandbox.Run<Copy>("Train", "--trees", "5", "--crash");

        Assert.Equal(1, crashed.ExitCode);
        Assert.Equal(before, File.ReadAllText(sandbox.PathOf(".nuke/build.lock.json")));
        Assert.Contains("Up to date", sandbox.Run<Copy>("Train").SummaryRow("Train"));
    }

    class Renamed : PipelineBuild
    {
        Target Fit => _ => _.Inputs(RootDirectory / "data" / "input.csv").Executes(() => { });
    }

    [Fact]
    public void Records_of_targets_no_longer_in_the_build_are_dropped_from_the_lock()
    {
        sandbox.Run<Copy>("Train");

        sandbox.Run<Renamed>("Fit");

        using var lockFile = JsonDocument.Parse(File.ReadAllText(sandbox.PathOf(".nuke/build.lock.json")));
        Assert.Equal(["Fit"], lockFile.RootElement.GetProperty("targets").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void A_declared_output_that_was_not_produced_fails_the_target()
    {
        var result = sandbox.Run<Copy>("Forgetful");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: target Forgetful failed: Target 'Forgetful' declares the output never-written.txt but did not produce it.", result.Output);
    }

    [Fact]
    public void A_corrupt_lock_file_is_one_clear_error()
    {
        sandbox.Write(".nuke/build.lock.json", "{ \"version\": 1, \"targets\": { ");

        var result = sandbox.Run<Copy>("Train");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: The build lock file", result.Output);
        Assert.Contains("delete it to rebuild everything", result.Output);
        Assert.Empty(result.Ran());
    }
}
