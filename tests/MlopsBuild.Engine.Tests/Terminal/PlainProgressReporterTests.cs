using MlopsBuild.Engine.Terminal;
using MlopsBuild.Engine.Tests.Support;

namespace MlopsBuild.Engine.Tests.Terminal;

public sealed class PlainProgressReporterTests
{
    readonly ManualClock clock = new();
    readonly List<string> lines = [];

    PlainProgressReporter Reporter(long? total, ProgressUnit unit = ProgressUnit.Items) => new(lines.Add, "Uploading", total, unit, clock);

    [Fact]
    public void Slow_work_prints_a_line_at_most_every_10_percent()
    {
        using (var reporter = Reporter(total: 200))
        {
            for (var done = 1; done <= 200; done++)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                reporter.Report(done);
            }
        }

        Assert.Equal(Enumerable.Range(1, 10).Select(tenth => $"Uploading: {tenth * 10}% ({tenth * 20} of 200)"), lines);
    }

    [Fact]
    public void Fast_progress_prints_a_line_at_most_every_5_seconds()
    {
        using (var reporter = Reporter(total: 100))
        {
            for (var done = 1; done <= 100; done++)
            {
                clock.Advance(TimeSpan.FromSeconds(0.1));
                reporter.Report(done);
            }
        }

        Assert.Equal(["Uploading: 50% (50 of 100)", "Uploading: 100% (100 of 100)"], lines);
    }

    [Fact]
    public void Work_done_within_5_seconds_prints_nothing()
    {
        using (var reporter = Reporter(total: 1_000_000, ProgressUnit.Bytes))
        {
            for (var done = 0; done <= 1_000_000; done += 1000) reporter.Report(done);
            clock.Advance(PlainProgressReporter.Interval - TimeSpan.FromTicks(1));
            reporter.Report(1_000_000);
        }

        Assert.Empty(lines);
    }

    [Fact]
    public void After_an_earlier_line_the_end_gets_a_closing_line_with_the_status()
    {
        using (var reporter = Reporter(total: 100))
        {
            clock.Advance(TimeSpan.FromSeconds(6));
            reporter.Report(30, status: "round 30/100, validation loss 0.5");
            reporter.Report(47, status: "round 47/100, validation loss 0.3412");
        }

        Assert.Equal(["Uploading: 30% (round 30/100, validation loss 0.5)", "Uploading: done (round 47/100, validation loss 0.3412)"], lines);
    }

    [Fact]
    public void Without_a_total_a_line_shows_the_amount_every_5_seconds()
    {
        using var reporter = Reporter(total: null, ProgressUnit.Bytes);
        foreach (var megabytes in new[] { 1, 2, 3 })
        {
            clock.Advance(TimeSpan.FromSeconds(3));
            reporter.Report(megabytes * 1_500_000);
        }

        Assert.Equal(["Uploading: 3.0 MB"], lines);
    }

    [Fact]
    public void A_total_learnt_along_the_way_is_used_from_then_on()
    {
        using var reporter = Reporter(total: null);
        clock.Advance(TimeSpan.FromSeconds(10));
        reporter.Report(3, total: 7);

        Assert.Equal(["Uploading: 42% (3 of 7)"], lines);
    }
}
