using MlopsBuild.Learning.Evaluation;
using MlopsBuild.Learning.Metrics;
using MlopsBuild.Quality.Gates;
using MlopsBuild.Quality.ModelCards;

namespace MlopsBuild.Quality.Tests.ModelCards;

public sealed class MarkdownModelCardTests
{
    [Fact]
    public void The_markdown_card_holds_the_header_lineage_metrics_gates_confusion_importance_and_slices_as_tables()
    {
        var markdown = ModelCard.Markdown(CardInputs.Binary());

        Assert.StartsWith("## loans v7 — rejected\n\nGates **failed**: 2 of 4 checks.\n", markdown);
        Assert.Contains("| Parameters | learning_rate = 0.1, trees = 200 |\n", markdown);
        Assert.Contains("| git commit | 3f2a9c1d |\n", markdown);
        Assert.Contains("| auc_roc | 0.8125 |\n", markdown);
        Assert.Contains("### Confusion matrix at threshold 0.5\n\n| actual ↓ predicted → | no | yes | rows |\n|---|---:|---:|---:|\n| no | 3 (75.0%) | 1 (25.0%) | 4 |\n", markdown);
        Assert.Contains("| income | 75.0% | 1 (50.0%) |\n| region | 25.0% | 1 (50.0%) |\n", markdown);
        Assert.Contains("| region | north | 4 | auc_roc | 0.61 |\n", markdown);
        Assert.DoesNotContain("<svg", markdown);
    }

    [Fact]
    public void Failed_checks_are_listed_first_and_marked_with_their_reasons()
    {
        var gates = MarkdownTableRows(ModelCard.Markdown(CardInputs.Binary()), "### Gates");

        Assert.Equal(
        [
            "| ❌ **failed** | slice | region=north: auc_roc ≥ 0.8 | 0.61 \\< 0.8 on 4 rows |",
            "| ❌ **failed** | golden | golden predictions | row 3: 0.91 ≠ approved 0.42 |",
            "| passed | threshold | auc_roc ≥ 0.7 | 0.75 ≥ 0.7 |",
            "| passed | champion | log_loss no worse than v5 by 0.01 | 0.52 ≤ 0.61 + 0.01 |",
        ], gates);
    }

    [Fact]
    public void The_champion_column_and_the_change_appear_with_a_champion()
    {
        var candidate = CardInputs.Binary();
        var championMetrics = candidate.Test.Binary! with { AucRoc = 0.9 };
        var card = CardInputs.Binary(champion: new ChampionMetrics("v5", new ModelEvaluation(8, championMetrics, null, null), candidate.Test, "the same 8 test rows"));

        var markdown = ModelCard.Markdown(card);

        Assert.Contains("| Metric | v7 | Champion v5 | Change |\n|---|---:|---:|---:|\n| auc_roc | 0.8125 | 0.9 | -0.0875 (**worse**) |\n", markdown);
    }

    [Fact]
    public void The_change_is_measured_on_the_rows_the_champion_was_compared_on_which_the_card_names()
    {
        var candidate = CardInputs.Binary();
        var candidateOnSharedRows = new ModelEvaluation(5, candidate.Test.Binary! with { AucRoc = 0.95 }, null, null);
        var champion = new ModelEvaluation(5, candidate.Test.Binary! with { AucRoc = 0.9 }, null, null);
        const string rows = "the 5 of the candidate's 8 test rows that the champion did not learn from either";
        var card = CardInputs.Binary(champion: new ChampionMetrics("v5", champion, candidateOnSharedRows, rows));

        var markdown = ModelCard.Markdown(card);

        Assert.Contains("| auc_roc | 0.8125 | 0.9 | +0.05 (better) |\n", markdown);
        Assert.Contains($"\nThe champion's values and the change are measured on {rows}.\n", markdown);
    }

    [Fact]
    public void Markup_in_names_cannot_break_a_table_row_or_inject_html()
    {
        var card = CardInputs.Binary() with
        {
            Slices = [new SliceMetric(CardInputs.HostileColumn, CardInputs.HostileCategory + "\nsecond line", 3, MetricNames.AucRoc, 0.5)],
            Gates = new GateReport([]),
        };

        var row = MarkdownTableRows(ModelCard.Markdown(card), "### Slices").Single();

        Assert.Equal(@"| re\<gion\> \& ""zone"" \| 'x' | \<script\>alert(1)\</script\> second line | 3 | auc_roc | 0.5 |", row);
        Assert.Equal(6, row.Replace(@"\|", "").Count(c => c == '|'));
    }

    [Fact]
    public void Multiclass_and_regression_cards_have_their_own_tables()
    {
        var multiclass = ModelCard.Markdown(CardInputs.Multiclass());
        var regression = ModelCard.Markdown(CardInputs.Regression());

        Assert.Contains("| high \\& up | 0 (0.0%) | 1 (50.0%) | 1 (50.0%) | 2 |\n", multiclass);
        Assert.Contains("| Class | Precision | Recall | F1 |\n|---|---:|---:|---:|\n| low | 1 | 1 | 1 |\n| mid | 0.6667 | 1 | 0.8 |\n| high \\& up | 1 | 0.5 | 0.6667 |\n", multiclass);
        Assert.Contains("| Feature | Share |\n|---|---:|\n| region | 53.3% |\n| income | 46.7% |\n", multiclass);
        Assert.DoesNotContain("Confusion matrix", regression);
        Assert.Contains("| rmse |", regression);
    }

    [Fact]
    public void The_summary_is_the_verdict_the_metrics_against_the_champion_and_the_gates_of_the_card()
    {
        var candidate = CardInputs.Binary();
        var card = CardInputs.Binary(champion: new ChampionMetrics("v5", new ModelEvaluation(8, candidate.Test.Binary! with { AucRoc = 0.9 }, null, null), candidate.Test, "the same 8 test rows"));
        var full = ModelCard.Markdown(card);

        var summary = ModelCard.SummaryMarkdown(card);

        Assert.StartsWith("Gates **failed**: 2 of 4 checks.\n\n### Test metrics\n\n| Metric | v7 | Champion v5 | Change |\n", summary);
        Assert.Contains(full[full.IndexOf("### Test metrics", StringComparison.Ordinal)..full.IndexOf("### Confusion matrix", StringComparison.Ordinal)].TrimEnd(), summary);
        Assert.EndsWith("| passed | champion | log_loss no worse than v5 by 0.01 | 0.52 ≤ 0.61 + 0.01 |\n", summary);
        Assert.DoesNotContain("git commit", summary);
    }

    [Fact]
    public void The_same_input_gives_the_same_text()
    {
        Assert.Equal(ModelCard.Markdown(CardInputs.Binary()), ModelCard.Markdown(CardInputs.Binary()));
    }

    /// <summary>The body rows of the first table after <paramref name="heading"/>.</summary>
    static List<string> MarkdownTableRows(string markdown, string heading) =>
        markdown[markdown.IndexOf(heading + "\n", StringComparison.Ordinal)..].Split('\n')
            .SkipWhile(line => !line.StartsWith('|')).TakeWhile(line => line.StartsWith('|')).Skip(2).ToList();
}
