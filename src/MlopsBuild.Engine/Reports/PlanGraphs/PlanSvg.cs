using System.Globalization;
using System.Text;

namespace MlopsBuild.Engine.Reports.PlanGraphs;

/// <summary>
/// Draws the plan as an SVG with a layered layout: a column per dependency depth, left to right, each target in the
/// column of its longest chain of predecessors. Text is monospace, so box widths are known without a browser.
/// </summary>
internal static class PlanSvg
{
    const int Margin = 24;
    const int NodeHeight = 48;
    const int ColumnGap = 72;
    const int RowGap = 20;
    const int Padding = 16;
    const double NameCharWidth = 8.4;   // 14px monospace
    const double DetailCharWidth = 6.6; // 11px monospace

    public static string Render(PlanGraph graph)
    {
        var columns = Enumerable.Range(0, graph.LayerCount).Select(layer => graph.Nodes.Where(n => n.Layer == layer).ToList()).ToList();
        var widths = columns.Select(c => c.Max(NodeWidth)).ToList();
        var tallest = columns.Select(c => c.Count).DefaultIfEmpty(0).Max();
        var height = Math.Max(0, tallest * (NodeHeight + RowGap) - RowGap);
        var boxes = new Dictionary<PlanNode, (int X, int Y, int Width)>();
        var x = Margin;
        for (var layer = 0; layer < columns.Count; layer++)
        {
            var column = columns[layer];
            var top = Margin + (height - (column.Count * (NodeHeight + RowGap) - RowGap)) / 2;
            foreach (var node in column) boxes[node] = (x, top + node.Row * (NodeHeight + RowGap), widths[layer]);
            x += widths[layer] + ColumnGap;
        }
        var totalWidth = Math.Max(2 * Margin, x - ColumnGap + Margin);
        var totalHeight = height + 2 * Margin;

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{totalWidth}\" height=\"{totalHeight}\" viewBox=\"0 0 {totalWidth} {totalHeight}\" role=\"img\" aria-label=\"Plan for {Xml.Escape(string.Join(", ", graph.Plan.Invoked))}\">\n"));
        svg.Append("<defs>\n");
        foreach (var kind in Enum.GetValues<PlanEdgeKind>())
            svg.Append($"<marker id=\"arrow-{Name(kind)}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"{Colour(kind)}\"/></marker>\n");
        svg.Append("</defs>\n");
        foreach (var edge in graph.Edges) AppendEdge(svg, edge, boxes[edge.From], boxes[edge.To]);
        foreach (var node in graph.Nodes) AppendNode(svg, node, boxes[node]);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    static void AppendEdge(StringBuilder svg, PlanEdge edge, (int X, int Y, int Width) from, (int X, int Y, int Width) to)
    {
        var (x1, y1) = (from.X + from.Width, from.Y + NodeHeight / 2);
        var (x2, y2) = (to.X, to.Y + NodeHeight / 2);
        var bend = Math.Max(ColumnGap / 2, (x2 - x1) / 2);
        var dash = edge.Kind == PlanEdgeKind.After ? " stroke-dasharray=\"5 4\"" : "";
        var stroke = edge.Kind == PlanEdgeKind.Triggers ? 3 : 1.5;
        svg.Append(Invariant($"<path class=\"edge {Name(edge.Kind)}\" d=\"M {x1} {y1} C {x1 + bend} {y1}, {x2 - bend} {y2}, {x2} {y2}\" fill=\"none\" stroke=\"{Colour(edge.Kind)}\" stroke-width=\"{stroke}\"{dash} marker-end=\"url(#arrow-{Name(edge.Kind)})\"><title>{Xml.Escape($"{edge.From.Name} {Verb(edge.Kind)} {edge.To.Name}")}</title></path>\n"));
    }

    static void AppendNode(StringBuilder svg, PlanNode node, (int X, int Y, int Width) box)
    {
        var invoked = node.Planned.IsInvoked;
        var outline = node.IsSkipped ? " stroke-dasharray=\"6 4\"" : "";
        var classes = "target" + (invoked ? " invoked" : "") + (node.IsSkipped ? " skipped" : "");
        svg.Append(Invariant($"<g class=\"{classes}\" id=\"{node.Id}\">"));
        svg.Append(Invariant($"<rect x=\"{box.X}\" y=\"{box.Y}\" width=\"{box.Width}\" height=\"{NodeHeight}\" rx=\"6\" fill=\"{(node.IsSkipped ? "#f4f4f4" : "#ffffff")}\" stroke=\"#333333\" stroke-width=\"{(invoked ? 3 : 1.5)}\"{outline}/>"));
        var centre = box.X + box.Width / 2;
        var detail = Detail(node);
        var nameY = detail is null ? box.Y + NodeHeight / 2 + 5 : box.Y + 20;
        svg.Append(Invariant($"<text x=\"{centre}\" y=\"{nameY}\" text-anchor=\"middle\" font-family=\"monospace\" font-size=\"14\"{(invoked ? " font-weight=\"bold\"" : "")} fill=\"{(node.IsSkipped ? "#777777" : "#111111")}\">{Xml.Escape(node.Name)}</text>"));
        if (detail is not null)
            svg.Append(Invariant($"<text x=\"{centre}\" y=\"{box.Y + 37}\" text-anchor=\"middle\" font-family=\"monospace\" font-size=\"11\" fill=\"#666666\">{Xml.Escape(detail)}</text>"));
        svg.Append("</g>\n");
    }

    /// <summary>The second line of a box: why it is skipped, or that it was asked for.</summary>
    static string? Detail(PlanNode node) =>
        node.Planned.SkipReason is { } reason ? $"skipped: {reason}" : node.Planned.IsInvoked ? "invoked" : null;

    static int NodeWidth(PlanNode node) =>
        (int)Math.Ceiling(Math.Max(node.Name.Length * NameCharWidth, (Detail(node)?.Length ?? 0) * DetailCharWidth)) + 2 * Padding;

    static string Name(PlanEdgeKind kind) => kind switch
    {
        PlanEdgeKind.DependsOn => "depends-on",
        PlanEdgeKind.After => "after",
        _ => "triggers",
    };

    static string Verb(PlanEdgeKind kind) => kind switch
    {
        PlanEdgeKind.DependsOn => "must succeed before",
        PlanEdgeKind.After => "runs before",
        _ => "triggers",
    };

    static string Colour(PlanEdgeKind kind) => kind switch
    {
        PlanEdgeKind.DependsOn => "#333333",
        PlanEdgeKind.After => "#888888",
        _ => "#1f6feb",
    };

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
