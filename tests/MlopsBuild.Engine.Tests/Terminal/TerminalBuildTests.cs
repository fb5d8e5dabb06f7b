using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Tests.Support;

namespace MlopsBuild.Engine.Tests.Terminal;

/// <summary>Progress and tables from a build's targets, plain when the output is captured and live on a terminal.</summary>
public sealed class TerminalBuildTests : IDisposable
{
    const string Password = "s3cr3t-Pa55word";
    readonly BuildSandbox sandbox = new();

    public TerminalBuildTests() => sandbox.Environment["MLOPS_PASSWORD"] = Password;

    public void Dispose() => sandbox.Dispose();

    class Showing : PipelineBuild
    {
        [Parameter, Secret] readonly string? Password = null;

        Target Upload => _ => _.Executes(() =>
        {
            using var progress = Progress($"Uploading as {Password}", 4);
            for (var part = 1; part <= 4; part++) progress.Report(part, status: $"part {part}/4");
            Note("uploaded", "4 parts");
        });

        Target List => _ => _.Executes(() => PrintTable(["version", "by", "auc"], [["v12", "alice", "0.88"], ["v3", Password!, "0.9"]]));
    }

    [Fact]
    public void Captured_output_has_the_table_as_aligned_text_and_no_progress_for_quick_work()
    {
        var result = sandbox.Run<Showing>("Upload", "List");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("version  by     auc\nv12      alice  0.88\nv3       ****   0.9\n", result.Output.Replace("\r", ""));
        Assert.DoesNotContain("Uploading", result.Output);
        Assert.Matches(@"Target\s+Status\s+Duration\s+Notes", result.Output);
    }

    [Fact]
    public void On_a_terminal_progress_tables_and_the_summary_are_drawn_by_Spectre_and_masked()
    {
        sandbox.OutputIsTerminal = true;

        var result = sandbox.Run<Showing>("Upload", "List");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Uploading as ****: part 4/4", result.Output);
        Assert.Matches(@"│ v3\s+│ \*\*\*\*\s+│ 0\.9\s+│", result.Output);
        Assert.Matches(@"│ Upload\s+│ .*Succeeded.*│ .*uploaded: 4 parts", result.Output);
        Assert.Contains("Build succeeded.", result.Output);
        Assert.DoesNotMatch(@"Target\s+Status\s+Duration\s+Notes", result.Output);
        Assert.DoesNotContain(Password, result.Output);
    }

    [Fact]
    public void On_a_CI_server_with_a_terminal_the_output_stays_plain()
    {
        sandbox.OutputIsTerminal = true;
        sandbox.Environment["CI"] = "true";

        var result = sandbox.Run<Showing>("Upload", "List");

        Assert.Matches(@"Target\s+Status\s+Duration\s+Notes", result.Output);
        Assert.DoesNotContain("│", result.Output);
    }
}
