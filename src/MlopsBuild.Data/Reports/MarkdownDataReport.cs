using System.Text;
using MlopsBuild.Data.Statistics;
using MlopsBuild.Data.Validation;

namespace MlopsBuild.Data.Reports;

/// <summary>The data check for people: verdict, anomalies, drift and a table of the columns (also fit for a GitHub step summary).</summary>
internal static class MarkdownDataReport
{
    public static string Write(DataCheckResult result, string root)
    {
        var text = new StringBuilder();
        text.AppendLine($"## Data validation {(result.Passed ? "passed" : "failed")}").AppendLine();
        text.Append(Summary(result, root));
        text.AppendLine("### Columns").AppendLine();
        text.AppendLine("| Column | Type | Role | Missing | Min | Mean | Max | Distinct | Top values |").AppendLine("|---|---|---|---:|---:|---:|---:|---:|---|");
        foreach (var column in result.Statistics.Columns) text.AppendLine(Row(column));
        return text.ToString();
    }

    /// <summary>The files, rows and counts, the anomalies and the drift, without a heading or the table of columns.</summary>
    public static string Summary(DataCheckResult result, string root)
    {
        var text = new StringBuilder();
        foreach (var file in result.Files)
            text.AppendLine($"- `{Path.GetRelativePath(root, file.Path).Replace('\\', '/')}`: {ReportText.Bytes(file.Bytes)}, `{ReportText.ShortHash(file.Hash)}`");
        text.AppendLine($"- {ReportText.Count(result.Rows)} rows; dataset fingerprint `{result.Fingerprint}`");
        text.AppendLine($"- {result.Errors.Count} errors, {result.Warnings.Count} warnings").AppendLine();

        if (result.Anomalies.Count > 0)
        {
            text.AppendLine("### Anomalies").AppendLine();
            text.AppendLine("| Severity | Kind | Column | Count | Description |").AppendLine("|---|---|---|---:|---|");
            foreach (var anomaly in result.Anomalies)
                text.AppendLine($"| {anomaly.Severity} | {anomaly.Kind} | {anomaly.Column ?? "(dataset)"} | {ReportText.Count(anomaly.Count)} | {Cell(anomaly.Description)} |");
            text.AppendLine();
        }

        if (result.Drift is { } drift)
        {
            text.AppendLine($"### Drift from the reference: {(drift.DatasetDrifted ? "**drifted**" : "none")}").AppendLine();
            text.AppendLine($"{drift.DriftedColumns} of {drift.ComparedColumns} columns drifted ({ReportText.Percent(drift.DriftedShare)}; the dataset drifts above {ReportText.Percent(drift.ShareThreshold)}).").AppendLine();
            text.AppendLine("| Column | Measures (value / threshold) | Drifted |").AppendLine("|---|---|---|");
            foreach (var column in drift.Columns)
                text.AppendLine($"| {column.Column} | {string.Join(", ", column.Measures.Select(m => $"{m.Name} {ReportText.Number(m.Value)} / {ReportText.Number(m.Threshold)}"))} | {(column.Drifted ? "**yes**" : "no")} |");
            text.AppendLine();
        }
        return text.ToString();
    }

    static string Row(ColumnStatistics column)
    {
        if (column.Numeric is { } n)
            return $"| {column.Name} | {column.Type} | {column.Role} | {ReportText.Count(n.Missing)} | {ReportText.Value(column.Type, n.Min)} | {ReportText.Value(column.Type, n.Mean)} | {ReportText.Value(column.Type, n.Max)} | {Distinct(n.DistinctCount, n.DistinctIsEstimate)} | |";
        var c = column.Categorical!;
        var top = string.Join(", ", c.TopValues.Take(3).Select(v => $"{Cell(v.Value)} ({ReportText.Count(v.Count)})"));
        return $"| {column.Name} | {column.Type} | {column.Role} | {ReportText.Count(c.Missing)} | | | | {Distinct(c.DistinctCount, c.DistinctIsEstimate)} | {top} |";
    }

    static string Distinct(long count, bool estimate) => (estimate ? "≈" : "") + ReportText.Count(count);

    static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
