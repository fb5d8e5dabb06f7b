using MlopsBuild.Core.IO;
using MlopsBuild.Data.Statistics;
using MlopsBuild.Data.Validation;

namespace MlopsBuild.Data.Reports;

/// <summary>Writes what a data check found: JSON for machines, Markdown and HTML for people, and the statistics.</summary>
public static class DataReport
{
    public const string JsonFile = "validation.json";
    public const string MarkdownFile = "validation.md";
    public const string HtmlFile = "validation.html";
    public const string StatisticsFile = "statistics.json";

    /// <param name="root">File paths in reports are written relative to it.</param>
    public static void WriteAll(DataCheckResult result, string directory, string root)
    {
        AtomicFile.WriteAllText(Path.Combine(directory, JsonFile), JsonDataReport.Write(result, root));
        AtomicFile.WriteAllText(Path.Combine(directory, MarkdownFile), MarkdownDataReport.Write(result, root));
        AtomicFile.WriteAllText(Path.Combine(directory, HtmlFile), HtmlDataReport.Write(result, root));
        Statistics.StatisticsFile.Save(result.Statistics, Path.Combine(directory, StatisticsFile));
    }

    /// <summary>
    /// The headline of <see cref="MarkdownFile"/> without its heading or its table of columns — files, rows, counts,
    /// anomalies and drift — for a build's summary.
    /// </summary>
    /// <param name="root">File paths are written relative to it.</param>
    public static string SummaryMarkdown(DataCheckResult result, string root) => MarkdownDataReport.Summary(result, root);
}
