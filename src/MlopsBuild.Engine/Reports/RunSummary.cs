using System.Text;
using MlopsBuild.Core.IO;
using MlopsBuild.Engine.Execution;
using MlopsBuild.Engine.Output;
using MlopsBuild.Engine.Paths;

namespace MlopsBuild.Engine.Reports;

/// <summary>
/// The run's report as one Markdown document: how the build ended, the summary table, then the targets' sections.
/// It is written to <c>artifacts/summary.md</c> on every run and, on GitHub Actions, appended as the same bytes to
/// <c>$GITHUB_STEP_SUMMARY</c>. It holds no durations (they are in the console table and the run manifest), so the same
/// run gives the same document wherever it runs.
/// </summary>
internal static class RunSummary
{
    public const string RelativePath = "artifacts/summary.md";
    const int SectionLevel = 3;

    public static string Markdown(IReadOnlyList<string> invoked, IReadOnlyList<TargetRun> runs, bool succeeded, IReadOnlyList<ReportSection> sections)
    {
        var text = new StringBuilder();
        text.Append($"## Build {(succeeded ? "succeeded" : "failed")}: {string.Join(", ", invoked)}\n\n");
        text.Append(SummaryTable.Markdown(runs));
        foreach (var section in sections)
        {
            text.Append('\n').Append(new string('#', SectionLevel)).Append($" {section.Target}: {section.Title}\n");
            if (section.Markdown.Length > 0) text.Append('\n').Append(MarkdownHeadings.NestUnder(SectionLevel, section.Markdown));
        }
        return text.ToString();
    }

    /// <summary>Writes the masked document to <c>artifacts/summary.md</c> (atomically) and, on GitHub Actions, appends it to the step summary.</summary>
    public static void Write(AbsolutePath root, BuildHost host, SecretMasker masker, string markdown)
    {
        var masked = masker.Apply(markdown);
        AtomicFile.WriteAllText(root / RelativePath, masked);
        if (host.OnGitHubActions && host.Environment("GITHUB_STEP_SUMMARY") is { Length: > 0 } stepSummary)
            File.AppendAllText(stepSummary, masked);
    }

    /// <summary>A link from the report to a file of the repository, relative to the report so it works wherever the repository is.</summary>
    public static string Link(AbsolutePath root, AbsolutePath file)
    {
        if (!file.IsInside(root))
            throw new ArgumentException($"The report can only link files inside the repository; {file} is not.", nameof(file));
        var fromReport = Path.GetRelativePath((root / RelativePath).Parent!, file).Split(Path.DirectorySeparatorChar);
        return $"[{file.RelativeTo(root)}]({string.Join('/', fromReport.Select(Uri.EscapeDataString))})";
    }
}
