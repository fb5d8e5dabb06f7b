using MlopsBuild.Engine.Output;
using Spectre.Console;

namespace MlopsBuild.Engine.Terminal;

/// <summary>A bar in the live progress display, added at the first report and stopped on dispose.</summary>
internal sealed class LiveProgressReporter(LiveProgressDisplay display, string description, long? total, ProgressUnit unit, SecretMasker masker)
    : IProgressReporter
{
    readonly Lock gate = new();
    ProgressTask? bar;
    long? total = total;
    bool disposed;

    public void Report(long completed, long? total = null, string? status = null)
    {
        lock (gate)
        {
            if (disposed) return;
            this.total = total ?? this.total;
            var detail = ProgressText.Detail(completed, this.total, unit, status is null ? null : masker.Apply(status));
            // The description column reads markup: the text is escaped so that brackets in it are shown, not parsed.
            var text = Markup.Escape($"{description}: {detail}");
            bar ??= display.Add(text);
            bar.Description = text;
            bar.IsIndeterminate = this.total is null;
            if (this.total is { } whole) bar.MaxValue = Math.Max(1, whole);
            bar.Value = completed;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            if (bar is not null) display.Remove(bar);
        }
    }
}
