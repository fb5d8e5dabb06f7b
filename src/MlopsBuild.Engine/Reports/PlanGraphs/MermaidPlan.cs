using System.Text;

namespace MlopsBuild.Engine.Reports.PlanGraphs;

/// <summary>
/// The plan as a Mermaid flowchart, left to right in run order: solid arrows for DependsOn, dotted for After, thick
/// for Triggers; invoked targets drawn bold, skipped ones dashed with the reason.
/// </summary>
internal static class MermaidPlan
{
    public static string Render(PlanGraph graph)
    {
        var text = new StringBuilder("flowchart LR\n");
        // Ids rather than target names: a name such as "end" is a keyword of the flowchart syntax.
        foreach (var node in graph.Nodes)
            text.Append($"    {node.Id}[\"{Label(node)}\"]\n");
        foreach (var edge in graph.Edges)
            text.Append($"    {edge.From.Id} {Arrow(edge.Kind)} {edge.To.Id}\n");
        AppendClass(text, "invoked", graph.Nodes.Where(n => n.Planned.IsInvoked));
        AppendClass(text, "skipped", graph.Nodes.Where(n => n.IsSkipped));
        text.Append("    classDef invoked stroke-width:3px,font-weight:bold\n");
        text.Append("    classDef skipped stroke-dasharray:5 5,color:#777\n");
        return text.ToString();
    }

    static string Label(PlanNode node) =>
        Escape(node.Planned.SkipReason is { } reason ? $"{node.Name} (skipped: {reason})" : node.Name);

    static string Arrow(PlanEdgeKind kind) => kind switch
    {
        PlanEdgeKind.DependsOn => "-->",
        PlanEdgeKind.After => "-.->|after|",
        _ => "==>|triggers|",
    };

    static void AppendClass(StringBuilder text, string name, IEnumerable<PlanNode> nodes)
    {
        var ids = nodes.Select(n => n.Id).ToList();
        if (ids.Count > 0) text.Append($"    class {string.Join(',', ids)} {name}\n");
    }

    // Inside a quoted label Mermaid reads entity codes; a double quote would end the label.
    static string Escape(string text) => text.Replace("\"", "#quot;");
}
