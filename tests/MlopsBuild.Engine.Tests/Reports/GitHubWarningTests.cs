using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Tests.Support;

namespace MlopsBuild.Engine.Tests.Reports;

public sealed class GitHubWarningTests : IDisposable
{
    readonly BuildSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    class Quiet : PipelineBuild
    {
        Target Work => _ => _.Executes(() => { });
    }

    [Fact]
    public void A_warning_the_engine_prints_is_also_a_GitHub_annotation_there()
    {
        sandbox.Write(".git", "not a git file");

        var local = sandbox.Run<Quiet>("Work");
        sandbox.Environment["GITHUB_ACTIONS"] = "true";
        var onGitHub = sandbox.Run<Quiet>("Work");

        Assert.Contains("warning: the run manifest has no git facts:", local.Output);
        Assert.DoesNotContain("::warning::", local.Output);
        Assert.Contains("warning: the run manifest has no git facts:", onGitHub.Output);
        Assert.Contains("::warning::the run manifest has no git facts: '", onGitHub.Output);
    }
}
