using Spectre.Console;

namespace MlopsBuild.Engine.Terminal;

/// <summary>
/// The one live progress display of a console (Spectre allows one at a time): opened with the first bar, a row per
/// bar while several run, closed when the last one ends.
/// </summary>
internal sealed class LiveProgressDisplay(IAnsiConsole console)
{
    readonly Lock gate = new();
    ProgressContext? context;
    TaskCompletionSource? lastBarEnded;
    Task? display;
    int bars;

    public ProgressTask Add(string description)
    {
        lock (gate)
        {
            if (context is null) Open();
            bars++;
            return context!.AddTask(description, autoStart: true);
        }
    }

    public void Remove(ProgressTask bar)
    {
        lock (gate)
        {
            bar.StopTask();
            if (--bars > 0) return;
            lastBarEnded!.SetResult();
            // The final frame is drawn before anything else is written, and before another display may open.
            display!.GetAwaiter().GetResult();
            context = null;
        }
    }

    void Open()
    {
        var opened = new TaskCompletionSource<ProgressContext>();
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        display = console.Progress()
            .AutoClear(false)
            .ExcludeVerticalPadding()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async started =>
            {
                opened.SetResult(started);
                await ended.Task;
            });
        lastBarEnded = ended;
        // A display that ends before it opened could not start (another one holds the console): its error says why.
        if (Task.WhenAny(opened.Task, display).GetAwaiter().GetResult() == display) display.GetAwaiter().GetResult();
        context = opened.Task.GetAwaiter().GetResult();
    }
}
