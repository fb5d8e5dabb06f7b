namespace MlopsBuild.Engine.Terminal;

/// <summary>
/// Progress as sparse lines for logs: a line only once the work has moved on by <see cref="PercentStep"/>% and
/// <see cref="Interval"/> has passed since the last line (or the start), so quick work prints nothing; a closing
/// line only when an earlier one was printed and the state changed since.
/// </summary>
internal sealed class PlainProgressReporter(Action<string> writeLine, string description, long? total, ProgressUnit unit, TimeProvider clock)
    : IProgressReporter
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    public const int PercentStep = 10;

    readonly Lock gate = new();
    long lastLineAt = clock.GetTimestamp();
    int lastPercent;
    string? lastDetail;
    long completed;
    long? total = total;
    string? status;
    bool disposed;

    public void Report(long completed, long? total = null, string? status = null)
    {
        lock (gate)
        {
            if (disposed) return;
            this.completed = completed;
            this.total = total ?? this.total;
            this.status = status;
            if (clock.GetElapsedTime(lastLineAt) < Interval) return;
            var percent = ProgressText.Percent(completed, this.total);
            if (percent is { } now && now - lastPercent < PercentStep) return;
            writeLine(ProgressText.Line(description, completed, this.total, unit, status));
            lastLineAt = clock.GetTimestamp();
            lastPercent = percent ?? 0;
            lastDetail = Detail();
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            if (lastDetail is null || Detail() == lastDetail) return;
            writeLine($"{description}: done ({Detail()})");
        }
    }

    string Detail() => ProgressText.Detail(completed, total, unit, status);
}
