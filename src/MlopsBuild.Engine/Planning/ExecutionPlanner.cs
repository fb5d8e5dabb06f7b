using MlopsBuild.Core.Text;
using MlopsBuild.Engine.Definition;

namespace MlopsBuild.Engine.Planning;

/// <summary>Chooses which targets run and in which order.</summary>
internal static class ExecutionPlanner
{
    /// <param name="skip">null: skip nothing; empty: skip every target that was not invoked; else the named targets.</param>
    public static ExecutionPlan Plan(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<string> invokedNames, IReadOnlyList<string>? skip)
    {
        ThrowOnCycle(targets);
        var invoked = invokedNames.Select(name => Find(targets, name)).Distinct().ToList();
        var skipped = skip?.Select(name => Find(targets, name)).ToHashSet();

        var included = Closure(invoked);
        var ordered = TopologicalOrder(included);
        var planned = ordered.Select(target =>
        {
            var predecessors = Predecessors(target, included);
            var prerequisites = target.DependsOn.Concat(target.TriggeredBy.Where(included.Contains)).ToList();
            var isInvoked = invoked.Contains(target);
            string? skipReason = skipped switch
            {
                null => null,
                { Count: 0 } when !isInvoked => "--skip (not invoked)",
                _ when skipped.Contains(target) => "--skip",
                _ => null,
            };
            return new PlannedTarget(target, isInvoked, skipReason, predecessors, prerequisites);
        }).ToList();
        return new ExecutionPlan(invoked.Select(t => t.Name).ToList(), planned);
    }

    public static ExecutableTarget Find(IReadOnlyList<ExecutableTarget> targets, string name) =>
        targets.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new BuildUsageException(
            $"Unknown target '{name}'.{ClosestMatch.Hint(name, targets.Select(t => t.Name))} Run with --help to list the targets.");

    /// <summary>The invoked targets, what they depend on, and what any of those triggers.</summary>
    static HashSet<ExecutableTarget> Closure(IEnumerable<ExecutableTarget> invoked)
    {
        var included = new HashSet<ExecutableTarget>();
        var pending = new Stack<ExecutableTarget>(invoked);
        while (pending.TryPop(out var target))
        {
            if (!included.Add(target)) continue;
            foreach (var next in target.DependsOn.Concat(target.Triggers)) pending.Push(next);
        }
        return included;
    }

    static List<ExecutableTarget> Predecessors(ExecutableTarget target, HashSet<ExecutableTarget> included) =>
        target.DependsOn.Concat(target.After).Concat(target.TriggeredBy)
            .Where(included.Contains).Distinct().ToList();

    /// <summary>Kahn's algorithm; among ready targets the ordinal-first name goes first, so the order never varies.</summary>
    static List<ExecutableTarget> TopologicalOrder(HashSet<ExecutableTarget> included)
    {
        var remaining = included.ToDictionary(t => t, t => Predecessors(t, included).Count);
        var ready = new SortedSet<ExecutableTarget>(remaining.Where(p => p.Value == 0).Select(p => p.Key), NameComparer.Instance);
        var order = new List<ExecutableTarget>();
        while (ready.Min is { } next)
        {
            ready.Remove(next);
            order.Add(next);
            foreach (var successor in included.Where(t => Predecessors(t, included).Contains(next)))
                if (--remaining[successor] == 0) ready.Add(successor);
        }
        return order;
    }

    /// <summary>Any cycle through dependencies, order or triggers is an error, named target by target.</summary>
    static void ThrowOnCycle(IReadOnlyList<ExecutableTarget> targets)
    {
        var state = new Dictionary<ExecutableTarget, bool>(); // false: on the current path, true: done
        var path = new List<ExecutableTarget>();

        void Visit(ExecutableTarget target)
        {
            if (state.TryGetValue(target, out var done))
            {
                if (done) return;
                var cycle = path.Skip(path.IndexOf(target)).Append(target).Select(t => t.Name);
                throw new BuildUsageException(
                    $"The targets form a cycle: {string.Join(" → ", cycle)}. Remove one of these DependsOn/After/Before/Triggers relations.");
            }
            state[target] = false;
            path.Add(target);
            foreach (var predecessor in target.DependsOn.Concat(target.After).Concat(target.TriggeredBy).OrderBy(t => t.Name, StringComparer.Ordinal))
                Visit(predecessor);
            path.RemoveAt(path.Count - 1);
            state[target] = true;
        }

        foreach (var target in targets) Visit(target);
    }

    sealed class NameComparer : IComparer<ExecutableTarget>
    {
        public static readonly NameComparer Instance = new();
        public int Compare(ExecutableTarget? x, ExecutableTarget? y) => string.CompareOrdinal(x?.Name, y?.Name);
    }
}
