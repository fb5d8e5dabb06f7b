using System.Collections;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Planning;

namespace MlopsBuild.Engine.Execution;

/// <summary>Checks every <c>Requires(...)</c> of the targets that will run, before any of them starts.</summary>
internal static class RequirementCheck
{
    public static void ThrowIfUnmet(ExecutionPlan plan, IReadOnlyList<ParameterMember> members)
    {
        var problems = new List<string>();
        foreach (var planned in plan.Targets.Where(p => p.SkipReason is null))
        foreach (var requirement in planned.Target.Definition.Requirements)
        {
            object? value;
            try { value = requirement.Evaluate(); }
            catch (Exception e) { problems.Add($"Target {planned.Name} requires {requirement.Text}, which failed: {e.Message}"); continue; }
            if (IsMet(value)) continue;
            var parameter = CodeText.SingleIdentifier(requirement.Text) is { } name
                ? members.FirstOrDefault(m => m.Name == name)
                : null;
            problems.Add(parameter is null
                ? $"Target {planned.Name} requires {requirement.Text}, which is {(value is false ? "false" : "not set")}."
                : $"Target {planned.Name} requires the parameter {parameter.Name}: pass {parameter.Option}, set {parameter.EnvironmentVariable}, or add \"{parameter.Name}\" to .nuke/parameters.json.");
        }
        if (problems.Count > 0) throw new BuildUsageException(string.Join(Environment.NewLine + "error: ", problems));
    }

    static bool IsMet(object? value) => value switch
    {
        null => false,
        bool flag => flag,
        string text => text.Length > 0,
        ICollection collection => collection.Count > 0,
        _ => true,
    };
}
