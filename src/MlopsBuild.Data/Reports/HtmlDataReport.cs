using System.Net;
using System.Text;
using MlopsBuild.Data.Drift;
using MlopsBuild.Data.Statistics;
using MlopsBuild.Data.Validation;

namespace MlopsBuild.Data.Reports;

/// <summary>One self-contained page: the verdict, the anomalies, and a card per column with its histogram; drifted columns stand out.</summary>
internal static class HtmlDataReport
{
    const string Style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#222}h1{font-size:1.4rem}
        .passed{color:#17692b}.failed{color:#b00020}table{border-collapse:collapse;margin:1rem 0}
        td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
        .cards{display:flex;flex-wrap:wrap;gap:1rem}.card{border:1px solid #ddd;border-radius:6px;padding:.8rem;width:340px}
        .card.drifted{border:2px solid #b00020;background:#fff5f6}.badge{font-size:.8rem;padding:0 .4rem;border-radius:4px;background:#b00020;color:#fff}
        .chart text{font-size:10px;fill:#555}dl{display:grid;grid-template-columns:auto 1fr;gap:0 .8rem;margin:.4rem 0}dt{color:#666}
        """;

    public static string Write(DataCheckResult result, string root)
    {
        var drifted = result.Drift?.Columns.Where(c => c.Drifted).ToDictionary(c => c.Column) ?? [];
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Data validation</title><style>{Style}</style></head><body>");
        html.Append($"<h1>Data validation <span class=\"{(result.Passed ? "passed" : "failed")}\">{(result.Passed ? "passed" : "failed")}</span></h1>");
        html.Append("<p>");
        foreach (var file in result.Files)
            html.Append($"<code>{E(Path.GetRelativePath(root, file.Path).Replace('\\', '/'))}</code> {ReportText.Bytes(file.Bytes)} <code>{E(ReportText.ShortHash(file.Hash))}</code><br>");
        html.Append($"{ReportText.Count(result.Rows)} rows · {result.Errors.Count} errors · {result.Warnings.Count} warnings · fingerprint <code>{E(result.Fingerprint)}</code></p>");

        if (result.Anomalies.Count > 0)
        {
            html.Append("<h2>Anomalies</h2><table><tr><th>Severity</th><th>Kind</th><th>Column</th><th>Count</th><th>Description</th></tr>");
            foreach (var a in result.Anomalies)
                html.Append($"<tr><td class=\"{(a.Severity == Severity.Error ? "failed" : "")}\">{a.Severity}</td><td>{a.Kind}</td><td>{E(a.Column ?? "(dataset)")}</td><td>{ReportText.Count(a.Count)}</td><td>{E(a.Description)}</td></tr>");
            html.Append("</table>");
        }
        if (result.Drift is { } drift)
            html.Append($"<h2>Drift from the reference: {(drift.DatasetDrifted ? "<span class=\"failed\">drifted</span>" : "none")}</h2><p>{drift.DriftedColumns} of {drift.ComparedColumns} columns drifted ({ReportText.Percent(drift.DriftedShare)}; the dataset drifts above {ReportText.Percent(drift.ShareThreshold)}).</p>");

        html.Append("<h2>Columns</h2><div class=\"cards\">");
        foreach (var column in result.Statistics.Columns) html.Append(Card(column, drifted.GetValueOrDefault(column.Name)));
        return html.Append("</div></body></html>\n").ToString();
    }

    static string Card(ColumnStatistics column, ColumnDrift? drift)
    {
        var card = new StringBuilder();
        card.Append($"<section class=\"card{(drift is null ? "" : " drifted")}\"><h3>{E(column.Name)} {(drift is null ? "" : "<span class=\"badge\">drifted</span>")}</h3>");
        card.Append($"<dl><dt>type</dt><dd>{column.Type} ({column.Role})</dd>");
        if (column.Numeric is { } n)
        {
            card.Append($"<dt>missing</dt><dd>{ReportText.Count(n.Missing)} of {ReportText.Count(n.Count + n.Missing)}</dd>");
            string Value(double value) => ReportText.Value(column.Type, value);
            card.Append($"<dt>min · mean · max</dt><dd>{Value(n.Min)} · {Value(n.Mean)} · {Value(n.Max)}</dd>");
            if (column.Type != Schema.ColumnType.DateTime) card.Append($"<dt>std</dt><dd>{ReportText.Number(n.StandardDeviation)}</dd>");
            card.Append($"<dt>quantiles</dt><dd>{string.Join(" · ", n.Quantiles.Select(q => $"{q.Key} {Value(q.Value)}"))}</dd>");
            card.Append($"<dt>distinct</dt><dd>{(n.DistinctIsEstimate ? "≈" : "")}{ReportText.Count(n.DistinctCount)}</dd></dl>");
            var bars = n.Histogram.Counts.Select((count, i) => ($"{Value(n.Histogram.Edges[i])} – {Value(n.Histogram.Edges[i + 1])}", count)).ToList();
            card.Append(SvgBars.Render(bars, drift is null ? "#4a78b5" : "#b00020"));
        }
        else if (column.Categorical is { } c)
        {
            card.Append($"<dt>missing</dt><dd>{ReportText.Count(c.Missing)} of {ReportText.Count(c.Count + c.Missing)}</dd>");
            card.Append($"<dt>distinct</dt><dd>{(c.DistinctIsEstimate ? "≈" : "")}{ReportText.Count(c.DistinctCount)}</dd></dl>");
            // Ids and free text have (nearly) one row per value: a chart of their top values says nothing.
            if (column.Type != Schema.ColumnType.Text && column.Role != Schema.ColumnRole.Id)
                card.Append(SvgBars.Render(c.TopValues.Take(12).Select(v => (v.Value, v.Count)).ToList(), drift is null ? "#5a9a68" : "#b00020"));
        }
        if (drift is not null)
            card.Append($"<p>{string.Join(", ", drift.Measures.Select(m => $"{m.Name} {ReportText.Number(m.Value)} (threshold {ReportText.Number(m.Threshold)})"))}</p>");
        return card.Append("</section>").ToString();
    }

    static string E(string text) => WebUtility.HtmlEncode(text);
}
