using MlopsBuild.Engine.Execution;
using MlopsBuild.Engine.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MlopsBuild.Engine.Terminal;

/// <summary>The end-of-run summary (<see cref="SummaryTable"/>'s facts) as a Spectre table, statuses in colour.</summary>
internal static class LiveSummaryTable
{
    public static IRenderable Create(IReadOnlyList<TargetRun> runs, TimeSpan total, bool succeeded, SecretMasker masker)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Target").Footer("Total"))
            .AddColumn(new TableColumn("Status"))
            .AddColumn(new TableColumn("Duration").RightAligned().Footer(SummaryTable.Format(total)))
            .AddColumn(new TableColumn("Notes"));
        foreach (var run in runs)
        {
            var ran = run.Status is TargetStatus.Succeeded or TargetStatus.Failed;
            table.AddRow(
                new Text(masker.Apply(run.Name)),
                new Text(run.Status.Display(), StyleOf(run.Status)),
                new Text(ran ? SummaryTable.Format(run.Duration) : "–"),
                new Text(masker.Apply(string.Join("\n", SummaryTable.NoteTexts(run)))));
        }
        var verdict = succeeded ? new Text("Build succeeded.", new Style(Color.Green)) : new Text("Build failed.", new Style(Color.Red));
        return new Rows(table, verdict);
    }

    static Style StyleOf(TargetStatus status) => status switch
    {
        TargetStatus.Succeeded => new Style(Color.Green),
        TargetStatus.Failed => new Style(Color.Red),
        TargetStatus.NotRun => new Style(Color.Yellow),
        _ => new Style(decoration: Decoration.Dim),
    };
}
