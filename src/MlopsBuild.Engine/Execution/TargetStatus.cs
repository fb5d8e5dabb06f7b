namespace MlopsBuild.Engine.Execution;

public enum TargetStatus
{
    /// <summary>Planned but not run: a dependency failed or the build stopped first.</summary>
    NotRun,
    Succeeded,
    Failed,
    /// <summary>Skipped by <c>--skip</c> or a false <c>OnlyWhen</c> condition.</summary>
    Skipped,
    /// <summary>Inputs, definition and outputs unchanged since the last success.</summary>
    UpToDate,
}

public static class TargetStatusText
{
    public static string Display(this TargetStatus status) => status switch
    {
        TargetStatus.NotRun => "Not run",
        TargetStatus.UpToDate => "Up to date",
        _ => status.ToString(),
    };
}
