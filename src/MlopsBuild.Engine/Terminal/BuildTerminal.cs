using MlopsBuild.Engine.Execution;
using MlopsBuild.Engine.Output;
using Spectre.Console;

namespace MlopsBuild.Engine.Terminal;

/// <summary>
/// A run's console as its targets see it: progress and tables drawn live by Spectre.Console on an interactive
/// terminal, as plain lines otherwise — and also while targets run in parallel (live bars of several targets would
/// garble each other) or the run is quiet. Every text shown is masked.
/// </summary>
internal sealed class BuildTerminal
{
    static readonly AsyncLocal<BuildTerminal?> current = new();

    readonly IAnsiConsole? console;
    readonly LiveProgressDisplay? display;
    readonly TimeProvider clock;

    /// <param name="console">The live console, or null for plain output.</param>
    public BuildTerminal(BuildOutput output, IAnsiConsole? console, TimeProvider clock)
    {
        Output = output;
        this.console = console;
        this.clock = clock;
        display = console is null ? null : new LiveProgressDisplay(console);
    }

    /// <summary>The terminal of the run on this async flow, or null outside a run.</summary>
    public static BuildTerminal? Current => current.Value;

    public BuildOutput Output { get; }

    /// <summary>The terminal of the host's console: live or plain (see <see cref="TerminalMode"/>).</summary>
    public static BuildTerminal For(BuildHost host)
    {
        var mode = TerminalMode.Detect(host.OutputIsTerminal, host.Environment);
        var console = mode.Live ? LiveConsole.Create(host.Out, mode.Colour) : null;
        var writer = console is null ? host.Out : new LiveConsoleWriter(console);
        return new BuildTerminal(new BuildOutput(writer, new SecretMasker(), host.OnGitHubActions, Verbosity.Normal), console, TimeProvider.System);
    }

    /// <summary>Makes <paramref name="terminal"/> the one of this async flow (the run's, and its targets').</summary>
    public static BuildTerminal Enter(BuildTerminal terminal) => current.Value = terminal;

    bool DrawsLive => console is not null && !Output.PrefixLines && Output.Verbosity != Verbosity.Quiet;

    public IProgressReporter Progress(string description, long? total, ProgressUnit unit)
    {
        var masked = Output.Masker.Apply(description);
        if (DrawsLive) return new LiveProgressReporter(display!, masked, total, unit, Output.Masker);
        var target = CurrentTarget.Run?.Name;
        return new PlainProgressReporter(line => Output.Information(line, target), masked, total, unit, clock);
    }

    public void Table(string[] header, IEnumerable<string[]> rows)
    {
        if (!DrawsLive)
        {
            // Masked before the columns are aligned, so that a masked cell does not skew them; written through Console,
            // as the target's other lines, so that the table keeps its place among them.
            var masker = Output.Masker;
            foreach (var line in PlainTable.Lines([.. header.Select(masker.Apply)], rows.Select(row => row.Select(masker.Apply).ToArray())))
                Console.WriteLine(line);
            return;
        }
        ConsoleRouter.Current?.Flush();
        console!.Write(LiveTable.Create(header, rows, Output.Masker));
    }

    public void Summary(IReadOnlyList<TargetRun> runs, TimeSpan total, bool succeeded)
    {
        if (console is null)
            foreach (var line in SummaryTable.Lines(runs, total, succeeded)) Output.WriteLine(line);
        else
            console.Write(LiveSummaryTable.Create(runs, total, succeeded, Output.Masker));
    }
}
