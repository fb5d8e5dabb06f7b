using MlopsBuild.Engine.Planning;
using MlopsBuild.Engine.UpToDate;

namespace MlopsBuild.Engine.Execution;

/// <summary>What happened to one target of the plan: the row of the summary and of the run manifest.</summary>
internal sealed class TargetRun(PlannedTarget planned)
{
    readonly List<KeyValuePair<string, string>> notes = [];

    public PlannedTarget Planned { get; } = planned;
    public string Name => Planned.Name;
    public TargetStatus Status { get; set; } = TargetStatus.NotRun;
    public string? Reason { get; set; }
    public TimeSpan Duration { get; set; }
    public Exception? Error { get; set; }
    public TargetRecord? Record { get; set; }
    public bool IsFinished { get; set; }

    public IReadOnlyList<KeyValuePair<string, string>> Notes
    {
        get { lock (notes) return notes.ToList(); }
    }

    public void AddNote(string key, string value)
    {
        lock (notes)
        {
            notes.RemoveAll(n => n.Key == key);
            notes.Add(new(key, value));
        }
    }

    public void Finish(TargetStatus status, string? reason = null)
    {
        Status = status;
        Reason = reason;
        IsFinished = true;
    }
}
