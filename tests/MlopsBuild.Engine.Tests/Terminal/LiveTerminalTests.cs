using MlopsBuild.Engine.Output;
using MlopsBuild.Engine.Terminal;
using MlopsBuild.Engine.Tests.Support;
using Spectre.Console.Testing;

namespace MlopsBuild.Engine.Tests.Terminal;

/// <summary>A terminal on an interactive fake console: what Spectre.Console draws, and that it is masked.</summary>
public sealed class LiveTerminalTests : IDisposable
{
    const string Secret = "hunter2-secret";
    readonly TestConsole console = new TestConsole().Interactive().SupportsAnsi(true).Width(120);
    readonly ManualClock clock = new();
    readonly BuildTerminal terminal;

    public LiveTerminalTests()
    {
        var masker = new SecretMasker();
        masker.Add(Secret);
        terminal = new BuildTerminal(new BuildOutput(new LiveConsoleWriter(console), masker, onGitHubActions: false, Verbosity.Normal), console, clock);
    }

    public void Dispose() => console.Dispose();

    [Fact]
    public void A_progress_bar_is_drawn_with_the_description_and_status_masked()
    {
        using (var reporter = terminal.Progress($"Pushing to {Secret}", 100, ProgressUnit.Items))
        {
            reporter.Report(37, status: $"round 37/100 as {Secret}");
            terminal.Output.WriteLine($"a line from the target, {Secret}");
            reporter.Report(100, status: "round 100/100");
        }

        Assert.Contains("Pushing to ****: round 100/100", console.Output);
        Assert.Contains("100%", console.Output);
        Assert.Contains("a line from the target, ****", console.Output);
        Assert.DoesNotContain(Secret, console.Output);
    }

    [Fact]
    public void Brackets_in_a_description_are_shown_not_read_as_markup()
    {
        using (var reporter = terminal.Progress("Hashing data/[2026]/part.csv", 10, ProgressUnit.Items)) reporter.Report(10);

        Assert.Contains("Hashing data/[2026]/part.csv: 10 of 10", console.Output);
    }

    [Fact]
    public void Reporters_open_one_after_another_and_side_by_side_share_the_display()
    {
        using (var first = terminal.Progress("first", 2, ProgressUnit.Items))
        {
            first.Report(1);
            using var nested = terminal.Progress("nested", 2, ProgressUnit.Items);
            nested.Report(2);
            first.Report(2);
        }
        using (var after = terminal.Progress("after", 2, ProgressUnit.Items)) after.Report(2);

        Assert.Contains("first: 2 of 2", console.Output);
        Assert.Contains("nested: 2 of 2", console.Output);
        Assert.Contains("after: 2 of 2", console.Output);
    }

    [Fact]
    public void A_reporter_never_reported_to_draws_nothing()
    {
        terminal.Progress("idle", 10, ProgressUnit.Items).Dispose();

        Assert.DoesNotContain("idle", console.Output);
    }

    [Fact]
    public void While_targets_run_in_parallel_progress_is_plain_lines()
    {
        terminal.Output.PrefixLines = true;

        using (var reporter = terminal.Progress("Training", 10, ProgressUnit.Items))
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            reporter.Report(10);
        }

        Assert.Equal("Training: 100% (10 of 10)", console.Output.TrimEnd());
    }

    [Fact]
    public void A_table_has_borders_and_masked_cells()
    {
        terminal.Table(["version", "by"], [["v3", Secret], ["v2", "alice"]]);

        Assert.Contains("╭", console.Output);
        Assert.Matches(@"│ v3\s+│ \*\*\*\*\s+│", console.Output);
        Assert.DoesNotContain(Secret, console.Output);
    }
}
