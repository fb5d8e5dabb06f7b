using MlopsBuild.Engine.Planning;

namespace MlopsBuild.Engine.Output;

/// <summary>What <c>--plan</c> prints: the targets in the order they would run, with why each is there.</summary>
internal static class PlanText
{
    public static IEnumerable<string> Lines(ExecutionPlan plan, int maxParallel)
    {
        var mode = maxParallel > 1 ? $"independent targets in parallel, up to {maxParallel} at once" : "one target at a time";
        var count = plan.Targets.Count == 1 ? "1 target" : $"{plan.Targets.Count} targets";
        yield return $"Plan for {string.Join(", ", plan.Invoked)} ({count}, {mode}):";
        var width = plan.Targets.Select(t => t.Name.Length).DefaultIfEmpty(0).Max();
        var number = 0;
        foreach (var planned in plan.Targets)
        {
            var facts = new List<string>();
            if (planned.Predecessors.Count > 0) facts.Add("after " + string.Join(", ", planned.Predecessors.Select(p => p.Name)));
            if (planned.Target.TriggeredBy.Count > 0 && !planned.IsInvoked)
                facts.Add("triggered by " + string.Join(", ", planned.Target.TriggeredBy.Where(t => plan.Targets.Any(p => p.Target == t)).Select(t => t.Name)));
            if (planned.IsInvoked) facts.Add("invoked");
            if (planned.SkipReason is not null) facts.Add("skipped: " + planned.SkipReason);
            if (planned.Target.IsCacheable) facts.Add("up-to-date checked");
            yield return $"  {++number,2}. {planned.Name.PadRight(width)}  {string.Join("; ", facts)}".TrimEnd();
        }
    }
}
