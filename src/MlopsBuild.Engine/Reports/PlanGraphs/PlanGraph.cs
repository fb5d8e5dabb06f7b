using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Planning;

namespace MlopsBuild.Engine.Reports.PlanGraphs;

internal enum PlanEdgeKind
{
    /// <summary>DependsOn (or DependentFor): the target runs only if this one succeeded.</summary>
    DependsOn,
    /// <summary>After (or Before): order only.</summary>
    After,
    /// <summary>Triggers (or TriggeredBy): the trigger brings the target into the plan, before it.</summary>
    Triggers,
}

/// <summary>A planned target placed in the graph: its layer is its dependency depth, its row its place in the layer.</summary>
internal sealed record PlanNode(string Id, PlannedTarget Planned, int Layer, int Row)
{
    public string Name => Planned.Name;
    public bool IsSkipped => Planned.SkipReason is not null;
}

/// <summary>An edge from the target that must finish first to the one that waits for it.</summary>
internal sealed record PlanEdge(PlanNode From, PlanNode To, PlanEdgeKind Kind);

/// <summary>The plan as a graph: a node per planned target, in plan order, and an edge per ordering relation between them.</summary>
internal sealed record PlanGraph(ExecutionPlan Plan, IReadOnlyList<PlanNode> Nodes, IReadOnlyList<PlanEdge> Edges)
{
    public int LayerCount => Nodes.Select(n => n.Layer + 1).DefaultIfEmpty(0).Max();

    public static PlanGraph Of(ExecutionPlan plan)
    {
        var nodes = new Dictionary<ExecutableTarget, PlanNode>();
        var rowsPerLayer = new List<int>();
        // Plan order is topological, so every predecessor is placed before the targets that wait for it.
        foreach (var planned in plan.Targets)
        {
            var layer = planned.Predecessors.Select(p => nodes[p].Layer + 1).DefaultIfEmpty(0).Max();
            if (layer == rowsPerLayer.Count) rowsPerLayer.Add(0);
            nodes[planned.Target] = new PlanNode($"n{nodes.Count + 1}", planned, layer, rowsPerLayer[layer]++);
        }
        var order = plan.Targets.Select((planned, index) => (planned.Target, index)).ToDictionary(p => p.Target, p => p.index);
        var edges = plan.Targets
            .SelectMany(planned => planned.Predecessors.OrderBy(p => order[p]).Select(p => new PlanEdge(nodes[p], nodes[planned.Target], KindOf(planned, p))))
            .ToList();
        return new PlanGraph(plan, nodes.Values.ToList(), edges);
    }

    static PlanEdgeKind KindOf(PlannedTarget planned, ExecutableTarget predecessor) =>
        planned.Target.DependsOn.Contains(predecessor) ? PlanEdgeKind.DependsOn
        : planned.Target.TriggeredBy.Contains(predecessor) ? PlanEdgeKind.Triggers
        : PlanEdgeKind.After;
}
