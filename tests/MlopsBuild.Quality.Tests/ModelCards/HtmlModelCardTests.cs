using MlopsBuild.Learning.Evaluation;
using MlopsBuild.Learning.Metrics;
using MlopsBuild.Quality.Gates;
using MlopsBuild.Quality.ModelCards;

namespace MlopsBuild.Quality.Tests.ModelCards;

public sealed class HtmlModelCardTests
{
    [Fact]
    public void A_binary_card_is_well_formed_and_draws_roc_and_precision_recall_curves_with_their_areas()
    {
        var page = new XhtmlPage(ModelCard.Html(CardInputs.Binary()));

        Assert.Equal("loans v7 — rejected", page.Html("h1").Single().Value);
        var plots = page.Svg("svg").Where(s => (string?)s.Attribute("class") == "plot").ToList();
        Assert.Equal(2, plots.Count);
        Assert.Equal("ROC curve (AUC 0.8125)", (string?)plots[0].Attribute("aria-label"));
        Assert.StartsWith("Precision-recall (average precision", (string?)plots[1].Attribute("aria-label"));
        foreach (var plot in plots)
        {
            Assert.Single(plot.Descendants(), e => (string?)e.Attribute("class") == "curve");
            Assert.Single(plot.Descendants(), e => (string?)e.Attribute("class") == "reference");
            Assert.Single(plot.Descendants(), e => (string?)e.Attribute("class") == "marker");
        }
        // The ROC curve has one point per distinct score plus the origin; the diagonal runs corner to corner.
        var curve = plots[0].Descendants().Single(e => (string?)e.Attribute("class") == "curve");
        Assert.Equal(9, ((string)curve.Attribute("points")!).Split(' ').Length);
    }

    [Fact]
    public void The_binary_confusion_matrix_holds_the_counts_at_the_threshold()
    {
        var page = new XhtmlPage(ModelCard.Html(CardInputs.Binary()));

        Assert.Contains(page.Html("h3"), h => h.Value == "Confusion matrix at threshold 0.5");
        var rows = XhtmlPage.Rows(page.Html("table").Single(t => (string?)t.Attribute("class") == "confusion"));
        Assert.Equal(["actual ↓ predicted →", "no", "yes", "rows"], rows[0]);
        Assert.Equal(["no", "3 75.0%", "1 25.0%", "4"], rows[1]);
        Assert.Equal(["yes", "1 25.0%", "3 75.0%", "4"], rows[2]);
    }

    [Fact]
    public void The_page_has_no_scripts_and_loads_nothing_from_elsewhere()
    {
        var html = ModelCard.Html(CardInputs.Binary());
        var page = new XhtmlPage(html);

        Assert.Empty(page.Html("script"));
        Assert.DoesNotContain(page.Document.Descendants().SelectMany(e => e.Attributes()), a => a.Name.LocalName is "src" or "href");
        Assert.DoesNotContain("url(", html);
        Assert.Single(page.Html("style"));
    }

    [Fact]
    public void Names_with_markup_characters_are_escaped_and_read_back_unchanged()
    {
        var card = CardInputs.Binary(column: CardInputs.HostileColumn) with
        {
            ModelName = "loans & <co>",
            Slices = [new SliceMetric(CardInputs.HostileColumn, CardInputs.HostileCategory, 3, MetricNames.AucRoc, 0.5)],
            Lineage = [new LineageEntry("branch", "feature/\"quoted\" & <angled>")],
            Gates = new GateReport([new CheckResult("slice", $"{CardInputs.HostileColumn}={CardInputs.HostileCategory}", false, "0.5 < 0.8 & \"low\"")]),
        };

        var html = ModelCard.Html(card);
        var page = new XhtmlPage(html);

        Assert.DoesNotContain("<script>", html);
        Assert.Empty(page.Html("script"));
        Assert.Equal("loans & <co> v7 — rejected", page.Html("h1").Single().Value);
        var slices = XhtmlPage.Rows(page.Section("Slices").Single(e => e.Name.LocalName == "table"));
        Assert.Equal([CardInputs.HostileColumn, CardInputs.HostileCategory, "3", "auc_roc", "0.5"], slices[1]);
        Assert.Contains(page.Html("td"), td => td.Value == "feature/\"quoted\" & <angled>");
        Assert.Contains(page.Html("td"), td => td.Value == "0.5 < 0.8 & \"low\"");
        Assert.Contains(page.Svg("title"), t => t.Value == CardInputs.HostileColumn);
    }

    [Fact]
    public void Control_characters_in_a_name_do_not_make_the_page_unreadable_as_xml()
    {
        var card = CardInputs.Binary() with { Lineage = [new LineageEntry("note", "bell\u0007 and a lone \ud800 surrogate")] };

        var page = new XhtmlPage(ModelCard.Html(card));

        Assert.Contains(page.Html("td"), td => td.Value == "bell\ufffd and a lone \ufffd surrogate");
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes()
    {
        Assert.Equal(ModelCard.Html(CardInputs.Binary()), ModelCard.Html(CardInputs.Binary()));
        Assert.Equal(ModelCard.Html(CardInputs.Multiclass()), ModelCard.Html(CardInputs.Multiclass()));
        Assert.Equal(ModelCard.Html(CardInputs.Regression()), ModelCard.Html(CardInputs.Regression()));
    }

    [Fact]
    public void With_a_champion_each_metric_shows_the_champions_value_and_the_change_in_its_own_direction()
    {
        var candidate = CardInputs.Binary();
        var championMetrics = candidate.Test.Binary! with { AucRoc = 0.7, LogLoss = candidate.Test.Binary!.LogLoss - 0.05 };
        var card = CardInputs.Binary(champion: new ChampionMetrics("v5", new ModelEvaluation(8, championMetrics, null, null), candidate.Test, "the same 8 test rows"));

        var page = new XhtmlPage(ModelCard.Html(card));

        var rows = XhtmlPage.Rows(page.Section("Test metrics").Single(e => e.Name.LocalName == "table"));
        Assert.Equal(["Metric", "v7", "Champion v5", "Change"], rows[0]);
        Assert.Equal(["auc_roc", "0.8125", "0.7", "+0.1125 (better)"], rows[1]);
        Assert.Equal("+0.05 (worse)", rows.Single(r => r[0] == "log_loss")[3]);
        Assert.Equal("0 (same)", rows.Single(r => r[0] == "accuracy")[3]);
    }

    [Fact]
    public void Without_a_champion_the_metrics_table_has_the_candidate_alone()
    {
        var page = new XhtmlPage(ModelCard.Html(CardInputs.Binary()));

        var rows = XhtmlPage.Rows(page.Section("Test metrics").Single(e => e.Name.LocalName == "table"));
        Assert.Equal(["Metric", "v7"], rows[0]);
        Assert.All(rows, r => Assert.Equal(2, r.Length));
    }

    [Fact]
    public void Failed_checks_come_first_marked_failed_with_their_reasons()
    {
        var page = new XhtmlPage(ModelCard.Html(CardInputs.Binary()));

        Assert.Contains(page.Html("p"), p => p.Value == "Gates failed: 2 of 4 checks." && (string?)p.Attribute("class") == "failed");
        var table = page.Section("Gates").Single(e => e.Name.LocalName == "table");
        var rows = XhtmlPage.Rows(table).Skip(1).ToList();
        Assert.Equal(["failed", "slice", "region=north: auc_roc ≥ 0.8", "0.61 < 0.8 on 4 rows"], rows[0]);
        Assert.Equal(["failed", "golden", "golden predictions", "row 3: 0.91 ≠ approved 0.42"], rows[1]);
        Assert.Equal(["passed", "passed"], rows.Skip(2).Select(r => r[0]));
        Assert.Equal(["failed", "failed", "passed", "passed"], table.Elements().Skip(1).Select(tr => (string?)tr.Attribute("class")));
    }

    [Fact]
    public void A_multiclass_card_shows_a_k_by_k_confusion_matrix_and_linear_weights_but_no_curves()
    {
        var page = new XhtmlPage(ModelCard.Html(CardInputs.Multiclass()));

        Assert.DoesNotContain(page.Svg("svg"), s => (string?)s.Attribute("class") == "plot");
        var confusion = XhtmlPage.Rows(page.Section("Test classes").Single(t => (string?)t.Attribute("class") == "confusion"));
        Assert.Equal(["actual ↓ predicted →", "low", "mid", "high & up", "rows"], confusion[0]);
        Assert.Equal(4, confusion.Count);
        // Row "mid": one row predicted "mid", one predicted "mid" at 0.4 over 0.3 and 0.3.
        Assert.Equal(["mid", "0 0.0%", "2 100.0%", "0 0.0%", "2"], confusion[2]);
        Assert.Equal(["high & up", "0 0.0%", "1 50.0%", "1 50.0%", "2"], confusion[3]);
        var perClass = XhtmlPage.Rows(page.Section("Test classes").Last(e => e.Name.LocalName == "table"));
        Assert.Equal(["high & up", "1", "0.5", "0.6667"], perClass[3]);
        Assert.Contains("|weight|", page.Section("Feature importance").First().Value);
    }

    [Fact]
    public void A_regression_card_plots_predicted_against_actual_and_a_residual_histogram_without_a_confusion_matrix()
    {
        var page = new XhtmlPage(ModelCard.Html(CardInputs.Regression(rows: 1200)));

        var scatter = page.Svg("svg").Single(s => (string?)s.Attribute("class") == "plot");
        Assert.Equal("Predicted vs actual (500 of 1,200 rows)", (string?)scatter.Attribute("aria-label"));
        Assert.Equal(500, scatter.Elements().Count(e => (string?)e.Attribute("class") == "dot"));
        var histogram = page.Html("svg").Single(s => (string?)s.Attribute("class") == "chart");
        Assert.Equal(1200, histogram.Elements().Where(e => e.Name.LocalName == "rect")
            .Sum(bar => long.Parse(bar.Value[(bar.Value.LastIndexOf(": ", StringComparison.Ordinal) + 2)..].Replace(",", ""))));
        Assert.DoesNotContain(page.Html("table"), t => (string?)t.Attribute("class") == "confusion");
    }
}
