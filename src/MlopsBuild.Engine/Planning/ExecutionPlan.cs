using MlopsBuild.Engine.Definition;

namespace MlopsBuild.Engine.Planning;

/// <summary>The targets of one run in a deterministic topological order.</summary>
internal sealed record ExecutionPlan(IReadOnlyList<string> Invoked, IReadOnlyList<PlannedTarget> Targets);

/// <summary>
/// A target of the plan. <paramref name="Predecessors"/> must finish before it starts (order);
/// <paramref name="Prerequisites"/> must also succeed (dependencies and triggers), else it does not run.
/// </summary>
internal sealed record PlannedTarget(
    ExecutableTarget Target,
    bool IsInvoked,
    string? SkipReason,
    IReadOnlyList<ExecutableTarget> Predecessors,
    IReadOnlyList<ExecutableTarget> Prerequisites)
{
    public string Name => Target.Name;
}
