using System.Globalization;
using System.Text;
using MlopsBuild.Engine.Execution;

namespace MlopsBuild.Engine.Output;

/// <summary>The table printed at the end of every run: one row per planned target, its status, time and notes.</summary>
internal static class SummaryTable
{
    public static string Format(TimeSpan duration) =>
        duration.TotalHours >= 1
            ? duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : duration.ToString(@"m\:ss\.ff", CultureInfo.InvariantCulture);

    public static IEnumerable<string> Lines(IReadOnlyList<TargetRun> runs, TimeSpan total, bool succeeded)
    {
        var nameWidth = Math.Max("Target".Length, runs.Select(r => r.Name.Length).DefaultIfEmpty(0).Max());
        var statusWidth = Math.Max("Status".Length, runs.Select(r => r.Status.Display().Length).DefaultIfEmpty(0).Max());
        const int durationWidth = 9;
        var rule = new string('═', nameWidth + statusWidth + durationWidth + 40);

        yield return rule;
        yield return $"{"Target".PadRight(nameWidth)}  {"Status".PadRight(statusWidth)}  {"Duration",durationWidth}  Notes";
        yield return new string('─', rule.Length);
        foreach (var run in runs)
        {
            var notes = NoteTexts(run).ToList();
            var ran = run.Status is TargetStatus.Succeeded or TargetStatus.Failed;
            var duration = ran ? Format(run.Duration) : "–";
            yield return $"{run.Name.PadRight(nameWidth)}  {run.Status.Display().PadRight(statusWidth)}  {duration,durationWidth}  {notes.FirstOrDefault()}".TrimEnd();
            var indent = new string(' ', nameWidth + statusWidth + durationWidth + 6);
            foreach (var note in notes.Skip(1)) yield return indent + note;
        }
        yield return new string('─', rule.Length);
        yield return $"{"Total".PadRight(nameWidth)}  {"".PadRight(statusWidth)}  {Format(total),durationWidth}";
        yield return rule;
        yield return succeeded ? "Build succeeded." : "Build failed.";
    }

    /// <summary>
    /// The same facts as a Markdown table for the run's report, without durations: the report is the same document
    /// wherever and however fast the build ran.
    /// </summary>
    public static string Markdown(IReadOnlyList<TargetRun> runs)
    {
        var text = new StringBuilder();
        text.Append("| Target | Status | Notes |\n|---|---|---|\n");
        foreach (var run in runs)
        {
            var notes = string.Join("<br>", NoteTexts(run).Select(n => n.Replace("|", "\\|").ReplaceLineEndings("<br>")));
            text.Append($"| {run.Name} | {run.Status.Display()} | {notes} |\n");
        }
        return text.ToString();
    }

    public static IEnumerable<string> NoteTexts(TargetRun run)
    {
        if (run.Reason is not null && run.Status != TargetStatus.Succeeded) yield return run.Reason;
        foreach (var (key, value) in run.Notes) yield return $"{key}: {value}";
    }
}
