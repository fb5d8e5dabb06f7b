using System.Globalization;
using System.Text;
using MlopsBuild.Quality.Gates;

namespace MlopsBuild.Quality.ModelCards;

/// <summary>
/// The card as one self-contained page: no scripts, no external resources, every text escaped. It is XHTML-compatible
/// (every element closed, no named entities) so XML tools can read it, and browsers render it as HTML.
/// </summary>
internal static class HtmlModelCard
{
    const string Style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#222}
        h1{font-size:1.5rem;margin-bottom:.3rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #e3e3e3;padding-bottom:.2rem}
        h3{font-size:1rem}p.passed,td.passed,.better{color:#17692b}p.failed,td.failed,.worse{color:#b00020}.muted{color:#666}
        table{border-collapse:collapse;margin:.6rem 0}td,th{border:1px solid #ddd;padding:.3rem .55rem;text-align:left;vertical-align:top}
        th{background:#f6f6f6}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        tr.failed td{background:#fff1f2}td.verdict{font-weight:600}
        .charts{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}figure{margin:0}figcaption{font-weight:600;font-size:13px}
        svg text{font-size:11px;fill:#444}svg .title{font-size:13px;font-weight:600;fill:#222}
        .axis{fill:none;stroke:#888}.grid{stroke:#eee}.curve{fill:none;stroke:#2e6eb4;stroke-width:2}
        .reference{fill:none;stroke:#999;stroke-dasharray:4 4}.marker{fill:#b00020}.dot{fill:#2e6eb4;fill-opacity:.45}.bar{fill:#4a78b5}
        td.cell{text-align:right;min-width:4.5rem}
        """;

    public static string Render(ModelCardInput input)
    {
        var model = input.Model;
        var title = $"{input.ModelName} {input.Version} — {input.Status}";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>");
        html.Append($"<title>{E(title)}</title><style>{Style}</style></head><body>");
        html.Append($"<h1>{E(title)}</h1>");
        html.Append(GateSummary(input.Gates));

        html.Append("<h2>Model</h2><table>");
        Row(html, "Task", CardText.Task(model.Task));
        Row(html, "Label", model.Signature.Label);
        if (model.Signature.ClassNames.Count > 0) Row(html, "Classes", string.Join(", ", model.Signature.ClassNames));
        Row(html, "Trainer", model.Metadata.Trainer);
        Row(html, "Parameters", string.Join(", ", model.Metadata.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} = {p.Value}")));
        Row(html, "Seed", model.Metadata.Seed.ToString(CultureInfo.InvariantCulture));
        Row(html, "Training rows", CardText.Count(model.Metadata.TrainingRows));
        Row(html, "Test rows", CardText.Count(input.Test.Rows));
        html.Append("</table>");

        if (input.Lineage.Count > 0)
        {
            html.Append("<h2>Lineage</h2><table>");
            foreach (var entry in input.Lineage) Row(html, entry.Name, entry.Value);
            html.Append("</table>");
        }

        Metrics(html, input);
        Gates(html, input.Gates);
        Charts(html, input);
        Importance(html, FeatureImportanceTable.Of(model));
        Slices(html, input.Slices);
        return html.Append("</body></html>\n").ToString();
    }

    static string GateSummary(GateReport gates) =>
        gates.Checks.Count == 0 ? "<p class=\"muted\">No gate checks were run.</p>"
        : gates.Passed ? $"<p class=\"passed\">Gates passed: all {gates.Checks.Count} checks.</p>"
        : $"<p class=\"failed\">Gates failed: {gates.Failures.Count} of {gates.Checks.Count} checks.</p>";

    static void Metrics(StringBuilder html, ModelCardInput input)
    {
        var champion = input.Champion;
        html.Append($"<h2>Test metrics</h2><table><tr><th>Metric</th><th class=\"num\">{E(input.Version)}</th>");
        if (champion is not null) html.Append($"<th class=\"num\">Champion {E(champion.Version)}</th><th class=\"num\">Change</th>");
        html.Append("</tr>");
        foreach (var metric in MetricComparison.Of(input.Test, champion))
        {
            html.Append($"<tr><td>{E(metric.Name)}</td><td class=\"num\">{CardText.Metric(metric.Candidate)}</td>");
            if (champion is not null)
            {
                var change = metric.Delta is { } delta ? $"{CardText.Delta(delta)}{(metric.Verdict is { } v ? $" ({v})" : "")}" : "–";
                html.Append($"<td class=\"num\">{(metric.Champion is { } c ? CardText.Metric(c) : "–")}</td><td class=\"num{(metric.Verdict is { } verdict ? " " + verdict : "")}\">{change}</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</table>");
        if (champion is not null) html.Append($"<p class=\"muted\">The champion's values and the change are measured on {E(champion.Rows)}.</p>");
    }

    /// <summary>Every check, failures first, each with its reason.</summary>
    static void Gates(StringBuilder html, GateReport gates)
    {
        html.Append("<h2>Gates</h2>");
        if (gates.Checks.Count == 0)
        {
            html.Append("<p class=\"muted\">No gate checks were run.</p>");
            return;
        }
        html.Append("<table><tr><th>Result</th><th>Kind</th><th>Check</th><th>Reason</th></tr>");
        foreach (var check in gates.Checks.OrderBy(c => c.Passed))
        {
            var result = check.Passed ? "passed" : "failed";
            html.Append($"<tr class=\"{result}\"><td class=\"verdict {result}\">{result}</td><td>{E(check.Kind)}</td><td>{E(check.Name)}</td><td>{E(check.Reason)}</td></tr>");
        }
        html.Append("</table>");
    }

    static void Charts(StringBuilder html, ModelCardInput input)
    {
        if (input.Test.Binary is { } binary)
            html.Append("<h2>Test curves</h2>").Append(BinaryCharts.Render(input, binary));
        else if (input.Test.Multiclass is not null)
            html.Append("<h2>Test classes</h2>");
        else
            html.Append("<h2>Test predictions</h2>").Append(RegressionCharts.Render(input));
        if (ConfusionTable.Of(input) is { } confusion) html.Append(HtmlConfusionMatrix.Render(confusion, input.Test.Multiclass));
    }

    static void Importance(StringBuilder html, FeatureImportanceTable? importance)
    {
        html.Append("<h2>Feature importance</h2>");
        if (importance is null)
        {
            html.Append("<p class=\"muted\">Not available for this kind of model.</p>");
            return;
        }
        html.Append($"<p class=\"muted\">Share of {E(importance.Measure)}; top {importance.Rows.Count} of {importance.Rows.Count + importance.Unused} features.</p>");
        html.Append(SvgHorizontalBars.Render(importance.Rows
            .Select(r => (r.Feature, r.Share, CardText.Share(r.Share) + (r.Splits is { } splits ? $" · {CardText.Count(splits)} splits" : "")))
            .ToList()));
    }

    static void Slices(StringBuilder html, IReadOnlyList<SliceMetric> slices)
    {
        html.Append("<h2>Slices</h2>");
        if (slices.Count == 0)
        {
            html.Append("<p class=\"muted\">No slices were measured.</p>");
            return;
        }
        html.Append("<table><tr><th>Column</th><th>Value</th><th class=\"num\">Rows</th><th>Metric</th><th class=\"num\">Value</th></tr>");
        foreach (var slice in slices)
            html.Append($"<tr><td>{E(slice.Column)}</td><td>{E(slice.Category)}</td><td class=\"num\">{CardText.Count(slice.Rows)}</td><td>{E(slice.Metric)}</td><td class=\"num\">{CardText.Metric(slice.Value)}</td></tr>");
        html.Append("</table>");
    }

    static void Row(StringBuilder html, string name, string value) => html.Append($"<tr><th>{E(name)}</th><td>{E(value)}</td></tr>");

    static string E(string text) => HtmlText.Escape(text);
}
