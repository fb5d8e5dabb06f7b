using MlopsBuild.Core.IO;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Engine.Planning;

namespace MlopsBuild.Engine.Reports.PlanGraphs;

/// <summary>What <c>--plan --plan-file PATH</c> writes, in the format the file's extension names.</summary>
internal static class PlanGraphFile
{
    public const string Formats = ".mmd (Mermaid), .md (Mermaid in Markdown, as GitHub renders it) or .html (a page with the graph drawn)";

    public static void Write(AbsolutePath file, ExecutionPlan plan, IEnumerable<string> planLines)
    {
        var graph = PlanGraph.Of(plan);
        var content = Path.GetExtension(file.Name).ToLowerInvariant() switch
        {
            ".mmd" => MermaidPlan.Render(graph),
            ".md" => $"# Plan for {string.Join(", ", plan.Invoked)}\n\n```mermaid\n{MermaidPlan.Render(graph)}```\n",
            ".html" => HtmlPlan.Render(graph, planLines),
            _ => throw new BuildUsageException($"--plan-file {file.Name}: name a file ending in {Formats}."),
        };
        AtomicFile.WriteAllText(file, content);
    }
}
