using MlopsBuild.Registry.Audit;

namespace MlopsBuild.Deployment.History;

/// <summary>
/// The versions an environment went through, as a stack replayed from the audit log: a promotion pushes its version;
/// a rollback pops the version it rolled back from. So the version a rollback returns to is the one below the top,
/// and rolling back twice goes two promotions back, not back and forth. An automatic switch-back after a failed
/// promotion pops nothing: that promotion never moved the alias.
/// </summary>
public static class PromotionHistory
{
    /// <returns>Bottom first; the last element is what the environment serves.</returns>
    public static IReadOnlyList<int> Stack(IEnumerable<AuditEntry> audit, string environment)
    {
        var stack = new List<int>();
        foreach (var entry in audit.Where(e => e.Details.GetValueOrDefault(DeploymentAudit.EnvironmentKey) == environment && e.Version is not null))
        {
            if (entry.Action == DeploymentAudit.Promote && (stack.Count == 0 || stack[^1] != entry.Version)) stack.Add(entry.Version!.Value);
            else if (entry.Action == DeploymentAudit.Rollback && entry.Details.GetValueOrDefault(DeploymentAudit.AutomaticKey) != "true")
            {
                if (stack.Count > 0) stack.RemoveAt(stack.Count - 1);
                // A rollback says where it went; the stack agrees unless the log was written by something else.
                if (stack.Count == 0 || stack[^1] != entry.Version) stack.Add(entry.Version!.Value);
            }
        }
        return stack;
    }

    /// <summary>The version a rollback of <paramref name="environment"/> returns to; null when there is none before the current one.</summary>
    public static int? Previous(IEnumerable<AuditEntry> audit, string environment) =>
        Stack(audit, environment) is { Count: >= 2 } stack ? stack[^2] : null;
}
