using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Engine.Planning;

namespace MlopsBuild.Engine.Output;

/// <summary>What <c>--help</c> prints: targets with descriptions and dependencies, then parameters.</summary>
internal static class HelpText
{
    public static IEnumerable<string> Lines(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ResolvedParameter> parameters, AbsolutePath root)
    {
        yield return "Usage: ./build.sh [targets...] [--parameter value...]";
        yield return "";
        yield return "Targets:";
        // In the order they would run when all are invoked: a pipeline reads top to bottom.
        var everything = ExecutionPlanner.Plan(targets, targets.Select(t => t.Name).ToList(), skip: null);
        var listed = everything.Targets.Select(p => p.Target).Where(t => t.IsListed).ToList();
        var width = listed.Select(t => t.Name.Length + (t.IsDefault ? 10 : 0)).DefaultIfEmpty(0).Max();
        foreach (var target in listed)
        {
            var name = target.IsDefault ? target.Name + " (default)" : target.Name;
            var relations = target.DependsOn.Count > 0 ? "→ " + string.Join(", ", target.DependsOn.Select(t => t.Name)) : null;
            var text = string.Join("  ", new[] { target.Description, relations }.Where(t => !string.IsNullOrEmpty(t)));
            yield return $"  {name.PadRight(width)}  {text}".TrimEnd();
        }

        foreach (var (title, engine) in new[] { ("Parameters:", false), ("Engine options:", true) })
        {
            var group = parameters.Where(p => p.Member.IsEngineOption == engine).ToList();
            if (group.Count == 0) continue;
            yield return "";
            yield return title;
            var usages = group.Select(p => (p, usage: $"{p.Member.Option} {Placeholder(p.Member)}".TrimEnd())).ToList();
            var usageWidth = usages.Max(u => u.usage.Length);
            foreach (var (parameter, usage) in usages)
            {
                var member = parameter.Member;
                var value = ValueHint(parameter, root);
                var environment = engine ? "" : $" (env {member.EnvironmentVariable})";
                yield return $"  {usage.PadRight(usageWidth)}  {member.Description}{value}{environment}".TrimEnd();
            }
        }
    }

    static string Placeholder(ParameterMember member) =>
        member.IsEngineOption && member.Name is "Target" or "Skip" or "Force" ? "<target>..." : ValueConverter.Placeholder(member.Type);

    /// <summary>" [default: 200]", " [now: 300]", or nothing for unset values and plain switches.</summary>
    static string ValueHint(ResolvedParameter parameter, AbsolutePath root)
    {
        if (parameter.Value is null or false || parameter.Member.Name == "Help") return "";
        var text = parameter.Member.IsSecret ? "set"
            : parameter.Value is AbsolutePath path ? path.Display(root)
            : RunManifest.Text(parameter.Value);
        return text.Length == 0 ? "" : $" [{(parameter.Source == "default" ? "default" : "now")}: {text}]";
    }
}
