using System.Text;

namespace MlopsBuild.Engine.Reports.PlanGraphs;

/// <summary>
/// The plan as one self-contained page: the graph drawn as inline SVG, the order as <c>--plan</c> prints it, and the
/// Mermaid source. No script, no stylesheet or font from elsewhere: it opens offline, in any browser.
/// </summary>
internal static class HtmlPlan
{
    public static string Render(PlanGraph graph, IEnumerable<string> planLines)
    {
        var title = $"Plan for {string.Join(", ", graph.Plan.Invoked)}";
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n");
        page.Append($"<title>{Xml.Escape(title)}</title>\n");
        page.Append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}svg{max-width:100%;height:auto}")
            .Append("pre{background:#f6f8fa;padding:1em;overflow:auto}ul.legend{color:#555}</style>\n");
        page.Append("</head>\n<body>\n");
        page.Append($"<h1>{Xml.Escape(title)}</h1>\n");
        page.Append(PlanSvg.Render(graph));
        page.Append("<ul class=\"legend\">\n")
            .Append("<li>Solid arrow: depends on (runs only if the target before it succeeded)</li>\n")
            .Append("<li>Dotted arrow: after (order only)</li>\n")
            .Append("<li>Thick blue arrow: triggers</li>\n")
            .Append("<li>Bold box: invoked; dashed box: skipped</li>\n")
            .Append("</ul>\n");
        page.Append("<h2>Order</h2>\n<pre>").Append(Xml.Escape(string.Join('\n', planLines))).Append("</pre>\n");
        page.Append("<h2>Mermaid</h2>\n<pre>").Append(Xml.Escape(MermaidPlan.Render(graph))).Append("</pre>\n");
        page.Append("</body>\n</html>\n");
        return page.ToString();
    }
}
