using System.Text.RegularExpressions;

namespace MlopsBuild.Engine.Reports;

/// <summary>
/// What the targets of one run contribute beyond their notes: sections of the run's report, and job outputs, which
/// reach <c>$GITHUB_OUTPUT</c> as they are set (when there is one) so a later failure does not lose them.
/// </summary>
internal sealed partial class RunReport(GitHubOutputFile? gitHubOutput)
{
    readonly Lock gate = new();
    readonly List<ReportSection> sections = [];
    readonly List<JobOutput> outputs = [];

    public IReadOnlyList<JobOutput> Outputs
    {
        get { lock (gate) return outputs.ToList(); }
    }

    public IReadOnlyList<ReportSection> SectionsOf(string target)
    {
        lock (gate) return sections.Where(s => s.Target == target).ToList();
    }

    public void AddSection(string target, string title, string markdown)
    {
        if (string.IsNullOrWhiteSpace(title))
            throw new BuildUsageException($"Target {target} reports a section without a title: ReportSection(title, markdown) needs one, it is the section's heading.");
        // A heading is one line; Markdown ends with a line break so the next section starts on its own line.
        var heading = string.Join(' ', title.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var body = markdown.Replace("\r\n", "\n").TrimEnd('\n');
        lock (gate) sections.Add(new ReportSection(target, heading, body.Length == 0 ? "" : body + "\n"));
    }

    public void SetOutput(string target, string name, string value)
    {
        if (!IsValidOutputName(name))
            throw new BuildUsageException(
                $"Target {target} sets the output '{name}', which is not a valid name: an output name starts with a letter or '_' and holds only letters, digits, '-' and '_' (as GitHub Actions requires), e.g. \"image\" or \"model_version\".");
        lock (gate)
        {
            if (outputs.FirstOrDefault(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } earlier)
                throw new BuildUsageException(
                    $"Target {target} sets the output '{name}', which {(earlier.Target == target ? "it" : earlier.Target)} already set in this run: each output is set once (GitHub Actions compares output names without regard to case).");
            outputs.Add(new JobOutput(target, name, value));
            gitHubOutput?.Append(name, value);
        }
    }

    /// <summary>A name GitHub Actions takes for a step output: a letter or '_', then letters, digits, '-' or '_'.</summary>
    internal static bool IsValidOutputName(string name) => OutputName().IsMatch(name);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex OutputName();
}
