using System.Globalization;
using System.Xml.Linq;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Tests.Support;

namespace MlopsBuild.Engine.Tests.Reports;

public sealed class PlanGraphTests : IDisposable
{
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    readonly BuildSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    class Pipeline : PipelineBuild
    {
        Target Clean => _ => _.Before(Restore).Executes(() => { });
        Target Restore => _ => _.Executes(() => { });
        Target Lint => _ => _.Executes(() => { });
        Target Compile => _ => _.DependsOn(Restore, Lint).Executes(() => { });
        Target Test => _ => _.DependsOn(Compile).Executes(() => { });
        Target Notify => _ => _.TriggeredBy(Test).Executes(() => { });
        Target Deploy => _ => _.DependsOn(Test).Executes(() => Console.WriteLine("ran Deploy"));
    }

    BuildResult Plan(string file) => sandbox.Run<Pipeline>("--plan", "Deploy", "Clean", "--skip", "Lint", "--plan-file", file);

    [Fact]
    public void Mermaid_shows_the_planned_targets_their_edges_and_what_is_skipped()
    {
        var result = Plan("artifacts/plan.mmd");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Ran());
        Assert.Contains("Plan for Deploy, Clean (7 targets", result.Output);
        Assert.Contains("Wrote the graph of the plan to artifacts/plan.mmd.", result.Output);
        Snapshot.Verify(File.ReadAllText(sandbox.PathOf("artifacts/plan.mmd")), "mmd");
    }

    [Fact]
    public void A_markdown_file_holds_the_flowchart_in_a_mermaid_fence()
    {
        Plan("plan.md");

        var markdown = File.ReadAllText(sandbox.PathOf("plan.md"));
        Assert.StartsWith("# Plan for Deploy, Clean\n\n```mermaid\nflowchart LR\n", markdown);
        Assert.EndsWith("```\n", markdown);
    }

    [Fact]
    public void The_html_page_draws_the_graph_as_inline_svg_in_layers_by_dependency_depth()
    {
        var result = Plan("plan.html");

        Assert.Equal(0, result.ExitCode);
        var html = File.ReadAllText(sandbox.PathOf("plan.html"));
        var page = XDocument.Parse(html);
        var svg = Assert.Single(page.Descendants(Svg + "svg"));
        var boxes = svg.Descendants(Svg + "g").Where(g => Class(g).Contains("target")).ToDictionary(g => g.Elements(Svg + "text").First().Value);
        Assert.Equal(["Clean", "Lint", "Restore", "Compile", "Test", "Deploy", "Notify"], boxes.Keys);

        double X(string target) => double.Parse(boxes[target].Element(Svg + "rect")!.Attribute("x")!.Value, CultureInfo.InvariantCulture);
        Assert.Equal(X("Clean"), X("Lint"));
        Assert.True(X("Clean") < X("Restore") && X("Restore") < X("Compile") && X("Compile") < X("Test"));
        Assert.Equal(X("Deploy"), X("Notify"));

        Assert.Contains("skipped", Class(boxes["Lint"]));
        Assert.NotNull(boxes["Lint"].Element(Svg + "rect")!.Attribute("stroke-dasharray"));
        Assert.Equal("skipped: --skip", boxes["Lint"].Elements(Svg + "text").Last().Value);
        Assert.Contains("invoked", Class(boxes["Deploy"]));
        Assert.Contains("invoked", Class(boxes["Clean"]));

        var edges = svg.Descendants(Svg + "path").Where(p => Class(p).StartsWith("edge", StringComparison.Ordinal))
            .Select(p => $"{Class(p)}: {p.Element(Svg + "title")!.Value}").ToList();
        Assert.Equal(
        [
            "edge after: Clean runs before Restore",
            "edge depends-on: Lint must succeed before Compile",
            "edge depends-on: Restore must succeed before Compile",
            "edge depends-on: Compile must succeed before Test",
            "edge depends-on: Test must succeed before Deploy",
            "edge triggers: Test triggers Notify",
        ], edges);

        Assert.Contains("1. Clean", page.Descendants("pre").First().Value);
        Assert.Contains("flowchart LR", page.Descendants("pre").Last().Value);
    }

    [Fact]
    public void The_html_page_needs_nothing_from_elsewhere()
    {
        Plan("plan.html");

        var html = File.ReadAllText(sandbox.PathOf("plan.html"));
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("@import", html);
        Assert.Equal(["http://www.w3.org/2000/svg"], System.Text.RegularExpressions.Regex.Matches(html, @"https?://[^""\s]+").Select(m => m.Value).Distinct());
    }

    [Fact]
    public void An_unknown_extension_or_a_plan_file_without_plan_is_a_usage_error()
    {
        var extension = sandbox.Run<Pipeline>("--plan", "Deploy", "--plan-file", "plan.svg");
        Assert.Equal(2, extension.ExitCode);
        Assert.Contains("error: --plan-file plan.svg: name a file ending in .mmd (Mermaid), .md (Mermaid in Markdown, as GitHub renders it) or .html", extension.Output);
        Assert.DoesNotContain("Plan for", extension.Output);

        var withoutPlan = sandbox.Run<Pipeline>("Deploy", "--plan-file", "plan.html");
        Assert.Equal(2, withoutPlan.ExitCode);
        Assert.Contains("error: --plan-file writes the graph of a plan: add --plan", withoutPlan.Output);
        Assert.Empty(withoutPlan.Ran());
        Assert.False(File.Exists(sandbox.PathOf("plan.html")));
    }

    [Fact]
    public void Help_documents_the_plan_file()
    {
        var help = sandbox.Run<Pipeline>("--help").Output;

        Assert.Matches(@"--plan-file <path>\s+With --plan: also write the graph of the plan to this file: \.mmd \(Mermaid\)", help);
    }

    static string Class(XElement element) => element.Attribute("class")?.Value ?? "";
}
