namespace MlopsBuild.Engine.Reports;

/// <summary>A titled piece of Markdown a target adds to the run's report with <c>ReportSection(title, markdown)</c>.</summary>
internal sealed record ReportSection(string Target, string Title, string Markdown);
