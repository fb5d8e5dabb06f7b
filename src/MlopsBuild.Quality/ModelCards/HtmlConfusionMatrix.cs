using System.Globalization;
using System.Text;
using MlopsBuild.Learning.Metrics;

namespace MlopsBuild.Quality.ModelCards;

/// <summary>
/// The confusion matrix as a table, each cell shaded by its share of the actual class's rows: blue on the diagonal
/// (right), red off it (wrong). Multiclass adds each class's precision, recall and F1.
/// </summary>
internal static class HtmlConfusionMatrix
{
    public static string Render(ConfusionTable table, MulticlassMetrics? multiclass)
    {
        var html = new StringBuilder("<h3>Confusion matrix");
        if (table.Threshold is { } threshold) html.Append($" at threshold {CardText.Metric(threshold)}");
        html.Append("</h3><table class=\"confusion\"><tr><th>actual ↓ predicted →</th>");
        foreach (var name in table.Classes) html.Append($"<th class=\"num\">{HtmlText.Escape(name)}</th>");
        html.Append("<th class=\"num\">rows</th></tr>");
        for (var actual = 0; actual < table.Counts.Length; actual++)
        {
            html.Append($"<tr><th>{HtmlText.Escape(table.Classes[actual])}</th>");
            for (var predicted = 0; predicted < table.Counts.Length; predicted++)
            {
                var share = table.RowShare(actual, predicted);
                html.Append($"<td class=\"cell\" style=\"{Shade(share, actual == predicted)}\">{CardText.Count(table.Counts[actual][predicted])}<br/><small>{CardText.Share(share)}</small></td>");
            }
            html.Append($"<td class=\"num\">{CardText.Count(table.RowTotal(actual))}</td></tr>");
        }
        html.Append("</table>");

        if (multiclass is not null)
        {
            html.Append("<table><tr><th>Class</th><th class=\"num\">Precision</th><th class=\"num\">Recall</th><th class=\"num\">F1</th></tr>");
            for (var k = 0; k < table.Classes.Count; k++)
                html.Append($"<tr><td>{HtmlText.Escape(table.Classes[k])}</td><td class=\"num\">{CardText.Metric(multiclass.PerClassPrecision[k])}</td><td class=\"num\">{CardText.Metric(multiclass.PerClassRecall[k])}</td><td class=\"num\">{CardText.Metric(multiclass.PerClassF1[k])}</td></tr>");
            html.Append("</table>");
        }
        return html.ToString();
    }

    /// <summary>Background opacity follows the share; dark cells get white text to stay readable.</summary>
    static string Shade(double share, bool correct)
    {
        var colour = correct ? "46,110,180" : "176,0,32";
        var opacity = Math.Round(0.08 + 0.82 * share, 2).ToString("0.##", CultureInfo.InvariantCulture);
        return $"background:rgba({colour},{opacity});color:{(share > 0.55 ? "#fff" : "#222")}";
    }
}
