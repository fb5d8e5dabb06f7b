using MlopsBuild.Learning.Metrics;

namespace MlopsBuild.Quality.ModelCards;

/// <summary>The ROC and precision-recall curves of a binary candidate on its test rows, with its operating point.</summary>
internal static class BinaryCharts
{
    public static string Render(ModelCardInput input, BinaryMetrics metrics)
    {
        var positive = PositiveProbabilities(input.TestOutputs);
        var threshold = $"threshold {CardText.Metric(metrics.Threshold)}";
        var charts = "<div class=\"charts\">";

        var roc = RankingCurves.Roc(input.TestLabels, positive);
        if (roc.Count == 0) charts += "<p class=\"muted\">No ROC curve: the test labels hold one class only.</p>";
        else
        {
            var fpr = metrics.FalsePositives / (double)(metrics.FalsePositives + metrics.TrueNegatives);
            charts += new SvgPlot($"ROC curve (AUC {CardText.Metric(metrics.AucRoc)})", "false positive rate", "true positive rate", (0, 1), (0, 1))
                .Line([new(0, 0), new(1, 1)], "reference")
                .Line(CurveDownsampling.Downsample(roc), "curve")
                .Marker(new(fpr, metrics.Recall), $"{threshold}: false positive rate {CardText.Metric(fpr)}, true positive rate {CardText.Metric(metrics.Recall)}")
                .ToSvg();
        }

        var precisionRecall = RankingCurves.PrecisionRecall(input.TestLabels, positive);
        if (precisionRecall.Count == 0) charts += "<p class=\"muted\">No precision-recall curve: no test label is positive.</p>";
        else
        {
            var prevalence = metrics.Positives / (double)metrics.Count;
            var plot = new SvgPlot($"Precision-recall (average precision {CardText.Metric(metrics.AucPr)})", "recall", "precision", (0, 1), (0, 1))
                .Line([new(0, prevalence), new(1, prevalence)], "reference")
                .Line(CurveDownsampling.Downsample(precisionRecall), "curve");
            // Precision is not defined at a threshold nothing reaches.
            if (metrics.TruePositives + metrics.FalsePositives > 0)
                plot.Marker(new(metrics.Recall, metrics.Precision), $"{threshold}: recall {CardText.Metric(metrics.Recall)}, precision {CardText.Metric(metrics.Precision)}");
            charts += plot.ToSvg();
        }
        return charts + "</div>";
    }

    /// <summary>The second of each row's two probabilities: P(class 1).</summary>
    static double[] PositiveProbabilities(double[] outputs)
    {
        var positive = new double[outputs.Length / 2];
        for (var row = 0; row < positive.Length; row++) positive[row] = outputs[row * 2 + 1];
        return positive;
    }
}
