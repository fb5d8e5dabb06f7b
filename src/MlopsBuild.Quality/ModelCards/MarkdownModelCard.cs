using System.Globalization;
using System.Text;
using MlopsBuild.Learning.Metrics;
using MlopsBuild.Quality.Gates;

namespace MlopsBuild.Quality.ModelCards;

/// <summary>The card as Markdown tables (no charts), fit for a pull request or $GITHUB_STEP_SUMMARY.</summary>
internal static class MarkdownModelCard
{
    public static string Render(ModelCardInput input)
    {
        var model = input.Model;
        var text = new StringBuilder();
        text.Append($"## {Cell(input.ModelName)} {Cell(input.Version)} — {Cell(input.Status)}\n\n");
        text.Append(GateSummary(input.Gates)).Append("\n\n");

        text.Append("| Model | |\n|---|---|\n");
        Row(text, "Task", CardText.Task(model.Task));
        Row(text, "Label", model.Signature.Label);
        if (model.Signature.ClassNames.Count > 0) Row(text, "Classes", string.Join(", ", model.Signature.ClassNames));
        Row(text, "Trainer", model.Metadata.Trainer);
        Row(text, "Parameters", string.Join(", ", model.Metadata.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} = {p.Value}")));
        Row(text, "Seed", model.Metadata.Seed.ToString(CultureInfo.InvariantCulture));
        Row(text, "Training rows", CardText.Count(model.Metadata.TrainingRows));
        Row(text, "Test rows", CardText.Count(input.Test.Rows));

        if (input.Lineage.Count > 0)
        {
            text.Append("\n### Lineage\n\n| | |\n|---|---|\n");
            foreach (var entry in input.Lineage) Row(text, entry.Name, entry.Value);
        }

        Metrics(text, input);
        Gates(text, input.Gates);
        if (ConfusionTable.Of(input) is { } confusion) Confusion(text, confusion);
        if (input.Test.Multiclass is { } multiclass) PerClass(text, model.Signature.ClassNames, multiclass);
        Importance(text, FeatureImportanceTable.Of(model));
        Slices(text, input.Slices);
        return text.ToString();
    }

    /// <summary>The verdict on the gates, the test metrics against the champion and every check: what a build's summary shows.</summary>
    public static string RenderSummary(ModelCardInput input)
    {
        var text = new StringBuilder();
        text.Append(GateSummary(input.Gates)).Append('\n');
        Metrics(text, input);
        Gates(text, input.Gates);
        return text.ToString();
    }

    static string GateSummary(GateReport gates) =>
        gates.Checks.Count == 0 ? "No gate checks were run."
        : gates.Passed ? $"Gates **passed**: all {gates.Checks.Count} checks."
        : $"Gates **failed**: {gates.Failures.Count} of {gates.Checks.Count} checks.";

    static void Metrics(StringBuilder text, ModelCardInput input)
    {
        var champion = input.Champion;
        text.Append($"\n### Test metrics\n\n| Metric | {Cell(input.Version)} |");
        text.Append(champion is null ? "\n|---|---:|\n" : $" Champion {Cell(champion.Version)} | Change |\n|---|---:|---:|---:|\n");
        foreach (var metric in MetricComparison.Of(input.Test, champion))
        {
            text.Append($"| {Cell(metric.Name)} | {CardText.Metric(metric.Candidate)} |");
            if (champion is not null)
            {
                var change = metric.Delta is { } delta ? CardText.Delta(delta) + metric.Verdict switch
                {
                    "worse" => " (**worse**)",
                    null => "",
                    var verdict => $" ({verdict})",
                } : "–";
                text.Append($" {(metric.Champion is { } c ? CardText.Metric(c) : "–")} | {change} |");
            }
            text.Append('\n');
        }
        if (champion is not null) text.Append($"\nThe champion's values and the change are measured on {Cell(champion.Rows)}.\n");
    }

    /// <summary>Every check, failures first, each with its reason.</summary>
    static void Gates(StringBuilder text, GateReport gates)
    {
        text.Append("\n### Gates\n\n");
        if (gates.Checks.Count == 0)
        {
            text.Append("No gate checks were run.\n");
            return;
        }
        text.Append("| Result | Kind | Check | Reason |\n|---|---|---|---|\n");
        foreach (var check in gates.Checks.OrderBy(c => c.Passed))
            text.Append($"| {(check.Passed ? "passed" : "❌ **failed**")} | {Cell(check.Kind)} | {Cell(check.Name)} | {Cell(check.Reason)} |\n");
    }

    static void Confusion(StringBuilder text, ConfusionTable table)
    {
        text.Append("\n### Confusion matrix");
        if (table.Threshold is { } threshold) text.Append($" at threshold {CardText.Metric(threshold)}");
        text.Append("\n\n| actual ↓ predicted → |");
        foreach (var name in table.Classes) text.Append($" {Cell(name)} |");
        text.Append(" rows |\n|---|").Append(string.Concat(Enumerable.Repeat("---:|", table.Classes.Count + 1))).Append('\n');
        for (var actual = 0; actual < table.Counts.Length; actual++)
        {
            text.Append($"| {Cell(table.Classes[actual])} |");
            for (var predicted = 0; predicted < table.Counts.Length; predicted++)
                text.Append($" {CardText.Count(table.Counts[actual][predicted])} ({CardText.Share(table.RowShare(actual, predicted))}) |");
            text.Append($" {CardText.Count(table.RowTotal(actual))} |\n");
        }
    }

    static void PerClass(StringBuilder text, IReadOnlyList<string> classes, MulticlassMetrics metrics)
    {
        text.Append("\n| Class | Precision | Recall | F1 |\n|---|---:|---:|---:|\n");
        for (var k = 0; k < classes.Count; k++)
            text.Append($"| {Cell(classes[k])} | {CardText.Metric(metrics.PerClassPrecision[k])} | {CardText.Metric(metrics.PerClassRecall[k])} | {CardText.Metric(metrics.PerClassF1[k])} |\n");
    }

    static void Importance(StringBuilder text, FeatureImportanceTable? importance)
    {
        text.Append("\n### Feature importance\n\n");
        if (importance is null)
        {
            text.Append("Not available for this kind of model.\n");
            return;
        }
        text.Append($"Share of {Cell(importance.Measure)}; top {importance.Rows.Count} of {importance.Rows.Count + importance.Unused} features.\n\n");
        var trees = importance.Rows.Any(r => r.Splits is not null);
        text.Append(trees ? "| Feature | Gain | Splits |\n|---|---:|---:|\n" : "| Feature | Share |\n|---|---:|\n");
        foreach (var row in importance.Rows)
            text.Append($"| {Cell(row.Feature)} | {CardText.Share(row.Share)} |")
                .Append(row.Splits is { } splits ? $" {CardText.Count(splits)} ({CardText.Share(row.SplitShare!.Value)}) |" : "")
                .Append('\n');
    }

    static void Slices(StringBuilder text, IReadOnlyList<SliceMetric> slices)
    {
        text.Append("\n### Slices\n\n");
        if (slices.Count == 0)
        {
            text.Append("No slices were measured.\n");
            return;
        }
        text.Append("| Column | Value | Rows | Metric | Value |\n|---|---|---:|---|---:|\n");
        foreach (var slice in slices)
            text.Append($"| {Cell(slice.Column)} | {Cell(slice.Category)} | {CardText.Count(slice.Rows)} | {Cell(slice.Metric)} | {CardText.Metric(slice.Value)} |\n");
    }

    static void Row(StringBuilder text, string name, string value) => text.Append($"| {Cell(name)} | {Cell(value)} |\n");

    static string Cell(string value) => MarkdownText.Cell(value);
}
