namespace MlopsBuild.Engine.Execution;

/// <param name="MaxParallel">1 runs the plan in order; more lets independent targets overlap.</param>
/// <param name="Force">null: honour up-to-date checks; empty: ignore them all; else ignore them for the named targets.</param>
internal sealed record ExecutionOptions(int MaxParallel, IReadOnlyList<string>? Force)
{
    public bool IsForced(string target) =>
        Force is { } force && (force.Count == 0 || force.Contains(target, StringComparer.OrdinalIgnoreCase));
}
