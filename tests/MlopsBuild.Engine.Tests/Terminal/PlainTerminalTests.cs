using MlopsBuild.Engine.Output;
using MlopsBuild.Engine.Terminal;
using MlopsBuild.Engine.Tests.Support;

namespace MlopsBuild.Engine.Tests.Terminal;

/// <summary>A terminal without a live console: progress as masked plain lines, through the build's output.</summary>
public sealed class PlainTerminalTests
{
    const string Secret = "hunter2-secret";
    readonly StringWriter written = new();
    readonly ManualClock clock = new();
    readonly BuildTerminal terminal;

    public PlainTerminalTests()
    {
        var masker = new SecretMasker();
        masker.Add(Secret);
        terminal = new BuildTerminal(new BuildOutput(written, masker, onGitHubActions: false, Verbosity.Normal), console: null, clock);
    }

    [Fact]
    public void Progress_lines_are_masked()
    {
        using var reporter = terminal.Progress($"Pushing to {Secret}", 10, ProgressUnit.Items);
        clock.Advance(TimeSpan.FromMinutes(1));
        reporter.Report(5, status: $"layer {Secret}");

        Assert.Equal("Pushing to ****: 50% (layer ****)", written.ToString().TrimEnd());
    }

    [Fact]
    public void A_quiet_run_prints_no_progress()
    {
        terminal.Output.Verbosity = Verbosity.Quiet;

        using var reporter = terminal.Progress("Pushing", 10, ProgressUnit.Items);
        clock.Advance(TimeSpan.FromMinutes(1));
        reporter.Report(5);

        Assert.Empty(written.ToString());
    }
}
