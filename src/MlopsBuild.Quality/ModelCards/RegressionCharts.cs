using MlopsBuild.Data.Reports;

namespace MlopsBuild.Quality.ModelCards;

/// <summary>A regression candidate's predictions against the truth, and the spread of its errors.</summary>
internal static class RegressionCharts
{
    /// <summary>Dots beyond a few hundred hide each other and bloat the page.</summary>
    const int MaxDots = 500;
    const int ResidualBins = 20;

    public static string Render(ModelCardInput input)
    {
        var labels = input.TestLabels;
        var predictions = input.TestOutputs;
        if (labels.Length == 0) return "<p class=\"muted\">No test rows to draw.</p>";

        var low = Math.Min(labels.Min(), predictions.Min());
        var high = Math.Max(labels.Max(), predictions.Max());
        var scatter = new SvgPlot($"Predicted vs actual ({CardText.Count(Math.Min(labels.Length, MaxDots))} of {CardText.Count(labels.Length)} rows)",
                "actual", "predicted", (low, high), (low, high))
            .Line([new(low, low), new(high, high)], "reference")
            .Dots(EvenlySpacedRows(labels.Length).Select(row => new CurvePoint(labels[row], predictions[row])), "dot")
            .ToSvg();

        var residuals = labels.Select((label, row) => label - predictions[row]).ToArray();
        return $"<div class=\"charts\">{scatter}<figure><figcaption>Residuals (actual − predicted), {CardText.Count(residuals.Length)} rows</figcaption>{SvgBars.Render(Histogram(residuals), "#4a78b5")}</figure></div>";
    }

    /// <summary>Rows 0, n/k, 2n/k, …: an even spread over the test rows, which the split has already shuffled.</summary>
    static IEnumerable<int> EvenlySpacedRows(int rows)
    {
        var count = Math.Min(rows, MaxDots);
        for (var k = 0; k < count; k++) yield return (int)((long)k * rows / count);
    }

    static List<(string Label, long Count)> Histogram(double[] values)
    {
        var min = values.Min();
        var width = (values.Max() - min) / ResidualBins;
        var counts = new long[ResidualBins];
        foreach (var value in values)
            counts[width > 0 ? Math.Min(ResidualBins - 1, (int)((value - min) / width)) : 0]++;
        return counts.Select((count, bin) => ($"{ReportText.Number(min + bin * width)} – {ReportText.Number(min + (bin + 1) * width)}", count)).ToList();
    }
}
