using MlopsBuild.Core.Text;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Engine.Planning;

namespace MlopsBuild.Engine.ContinuousIntegration;

/// <summary>
/// What workflow attributes may name (the build's targets and parameters), and how their mistakes are told: one
/// message that starts with the attribute's place, <c>build/Build.cs(12): </c>.
/// </summary>
internal sealed class DeclarationScope(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterMember> parameters, AbsolutePath root)
{
    public AbsolutePath Root => root;

    public BuildUsageException Error(SourceLocation at, string message) => new($"{at.Display(root)}: {message}");

    public ExecutableTarget Target(SourceLocation at, string name) =>
        targets.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw Error(at, $"'{name}' is not a target of the build.{ClosestMatch.Hint(name, targets.Select(t => t.Name))} Name a target property, as nameof(Train).");

    public ParameterMember Parameter(SourceLocation at, string name, string role) =>
        parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)
                                       || string.Equals(p.MemberName, name, StringComparison.OrdinalIgnoreCase))
        ?? throw Error(at, $"the {role} '{name}' is not a parameter of the build.{ClosestMatch.Hint(name, parameters.Select(p => p.MemberName))} Name a [Parameter] member, as nameof(Version).");

    /// <summary>The targets <c>./build.sh {target}</c> runs, in order.</summary>
    public IReadOnlyList<ExecutableTarget> PlanOf(ExecutableTarget target) =>
        ExecutionPlanner.Plan(targets, [target.Name], skip: null).Targets.Select(p => p.Target).ToList();
}
