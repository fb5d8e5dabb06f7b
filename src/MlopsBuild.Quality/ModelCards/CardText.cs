using System.Globalization;
using MlopsBuild.Learning;

namespace MlopsBuild.Quality.ModelCards;

/// <summary>How the card writes numbers and names, the same in Markdown and HTML, whatever the machine's culture.</summary>
internal static class CardText
{
    /// <summary>A metric value with four decimals, as the training report writes it; "–" when not defined.</summary>
    public static string Metric(double value) =>
        double.IsNaN(value) ? "–" : value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A signed change: "+0.0123", "-0.004", "0".</summary>
    public static string Delta(double value) =>
        double.IsNaN(value) ? "–" : value.ToString("+0.####;-0.####;0", CultureInfo.InvariantCulture);

    public static string Share(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);

    public static string Count(long value) => Data.Reports.ReportText.Count(value);

    /// <summary>A chart coordinate: short, invariant, no exponent.</summary>
    public static string Coordinate(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Task(LearningTask task) => task switch
    {
        LearningTask.BinaryClassification => "binary classification",
        LearningTask.MulticlassClassification => "multiclass classification",
        _ => "regression",
    };
}
