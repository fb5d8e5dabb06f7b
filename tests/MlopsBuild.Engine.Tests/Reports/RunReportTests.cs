using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Tests.Support;

namespace MlopsBuild.Engine.Tests.Reports;

public sealed class RunReportTests : IDisposable
{
    const string Token = "tok-7f3a9c";
    readonly BuildSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    class Pipeline : PipelineBuild
    {
        [Parameter, Secret] readonly string? ApiToken = null;
        [Parameter] readonly bool FailGates = false;

        Target Validate => _ => _.Executes(() =>
        {
            Note("rows", 1200);
            ReportSection("Data validation", "# Data validation passed\n\n## Anomalies\n\nNone.\n\n```\n# not a heading\n```\n");
        });

        Target Train => _ => _.DependsOn(Validate).Executes(async () =>
        {
            await Task.Delay(5);
            ReportSection("Metrics", "| Metric | Value |\n|---|---:|\n| auc | 0.91 |");
            ReportSection("Registry", $"Signed in with {ApiToken}; card: {ReportLink(ArtifactsDirectory / "model" / "model card.html")}");
        });

        Target Test => _ => _.DependsOn(Train).Executes(() =>
        {
            ReportSection("Gates", FailGates ? "auc ≥ 0.95: **failed**" : "all passed");
            if (FailGates) throw new BuildFailedException("1 of 1 checks failed");
        });
    }

    string Summary => File.ReadAllText(sandbox.PathOf("artifacts/summary.md"));

    [Fact]
    public void The_summary_holds_the_table_then_each_targets_sections_in_run_order()
    {
        var result = sandbox.Run<Pipeline>("Test");

        Assert.Equal(0, result.ExitCode);
        Snapshot.Verify(Summary, "md");
    }

    [Fact]
    public void A_failed_target_keeps_what_it_reported_before_failing()
    {
        var result = sandbox.Run<Pipeline>("Test", "--fail-gates");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("## Build failed: Test\n", Summary);
        Assert.Contains("| Test | Failed | 1 of 1 checks failed |", Summary);
        Assert.EndsWith("### Test: Gates\n\nauc ≥ 0.95: **failed**\n", Summary);
    }

    [Fact]
    public void The_step_summary_gets_the_same_document_only_on_GitHub_Actions()
    {
        var stepSummary = sandbox.PathOf("step-summary.md");
        sandbox.Environment["GITHUB_STEP_SUMMARY"] = stepSummary;

        sandbox.Run<Pipeline>("Test");
        Assert.False(File.Exists(stepSummary));

        sandbox.Environment["GITHUB_ACTIONS"] = "true";
        File.WriteAllText(stepSummary, "from an earlier step\n");
        sandbox.Run<Pipeline>("Test");
        Assert.Equal("from an earlier step\n" + Summary, File.ReadAllText(stepSummary));
    }

    [Fact]
    public void Secrets_are_masked_in_the_summary_and_the_step_summary()
    {
        sandbox.Environment["MLOPS_API_TOKEN"] = Token;
        sandbox.Environment["GITHUB_ACTIONS"] = "true";
        sandbox.Environment["GITHUB_STEP_SUMMARY"] = sandbox.PathOf("step-summary.md");

        sandbox.Run<Pipeline>("Test");

        Assert.Contains("Signed in with ****;", Summary);
        Assert.DoesNotContain(Token, Summary);
        Assert.DoesNotContain(Token, File.ReadAllText(sandbox.PathOf("step-summary.md")));
    }

    [Fact]
    public void The_summary_is_byte_for_byte_the_same_on_GitHub_Actions_and_on_a_laptop()
    {
        using var onGitHub = new BuildSandbox();
        onGitHub.Environment["GITHUB_ACTIONS"] = "true";
        onGitHub.Environment["CI"] = "true";
        onGitHub.Environment["GITHUB_STEP_SUMMARY"] = onGitHub.PathOf("step-summary.md");
        onGitHub.Environment["GITHUB_OUTPUT"] = onGitHub.PathOf("output.txt");

        var local = sandbox.Run<Pipeline>("Test");
        var ci = onGitHub.Run<Pipeline>("Test");

        Assert.Contains("::group::Validate", ci.Output);
        Assert.DoesNotContain("::group::", local.Output);
        var localBytes = File.ReadAllBytes(sandbox.PathOf("artifacts/summary.md"));
        Assert.Equal(localBytes, File.ReadAllBytes(onGitHub.PathOf("artifacts/summary.md")));
        Assert.Equal(localBytes, File.ReadAllBytes(onGitHub.PathOf("step-summary.md")));
    }

    class Cached : PipelineBuild
    {
        Target Validate => _ => _
            .Inputs(RootDirectory / "data.csv")
            .Outputs(ArtifactsDirectory / "validation.md")
            .Executes(() =>
            {
                Directory.CreateDirectory(ArtifactsDirectory);
                File.WriteAllText(ArtifactsDirectory / "validation.md", "ok");
                Console.WriteLine("ran Validate");
                ReportSection("Data validation", $"{File.ReadAllLines(RootDirectory / "data.csv").Length} rows, no anomalies");
            });
    }

    [Fact]
    public void An_up_to_date_target_reports_what_it_reported_at_its_last_success()
    {
        sandbox.Write("data.csv", "a\n1\n2\n");
        var first = sandbox.Run<Cached>("Validate");
        var firstSummary = Summary;
        var second = sandbox.Run<Cached>("Validate");

        Assert.Equal(["Validate"], first.Ran());
        Assert.Empty(second.Ran());
        Assert.Contains("| Validate | Up to date |", Summary);
        Assert.EndsWith("| Validate | Succeeded |  |\n\n### Validate: Data validation\n\n3 rows, no anomalies\n", firstSummary);
        Assert.EndsWith("|\n\n### Validate: Data validation\n\n3 rows, no anomalies\n", Summary);
    }

    class Misplaced : PipelineBuild
    {
        Target Untitled => _ => _.Executes(() => ReportSection(" ", "text"));
    }

    [Fact]
    public void A_section_without_a_title_fails_its_target_clearly()
    {
        var result = sandbox.Run<Misplaced>("Untitled");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: target Untitled failed: Target Untitled reports a section without a title", result.Output);
        Assert.DoesNotContain("Exception", result.Output);
    }
}
