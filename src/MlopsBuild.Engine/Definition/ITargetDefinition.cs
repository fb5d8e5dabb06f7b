using System.Runtime.CompilerServices;
using MlopsBuild.Engine.Paths;

namespace MlopsBuild.Engine.Definition;

/// <summary>The fluent vocabulary a target is declared with.</summary>
public interface ITargetDefinition
{
    /// <summary>One line shown by <c>--help</c>.</summary>
    ITargetDefinition Description(string description);

    /// <summary>These targets run first; when one fails, this target does not run.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>The given targets depend on this one (the reverse of <see cref="DependsOn"/>).</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <summary>Order only: when both are in the plan, this target runs after the given ones.</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>Order only: when both are in the plan, this target runs before the given ones.</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>Whenever this target is in the plan, the given targets are added and run after it.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <summary>Whenever one of the given targets is in the plan, this target is added and runs after it.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>Runs the target only when the condition holds at the moment it would start; otherwise it is skipped and its text is shown.</summary>
    ITargetDefinition OnlyWhen(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string conditionText = "");

    /// <summary>
    /// Checked for every target of the plan before anything runs. A boolean must be true; any other value
    /// (typically a parameter, <c>() =&gt; RegistryPassword</c>) must be set and not empty.
    /// </summary>
    ITargetDefinition Requires<T>(Func<T> requirement, [CallerArgumentExpression(nameof(requirement))] string requirementText = "");

    ITargetDefinition Executes(Action action);

    ITargetDefinition Executes(Func<Task> action);

    /// <summary>Files, folders (<see cref="AbsolutePath"/>) and named values the target reads: the up-to-date check compares their content hashes.</summary>
    ITargetDefinition Inputs(params TargetInput[] inputs);

    /// <summary>Files and folders the target writes: it is up to date only while they exist unchanged.</summary>
    ITargetDefinition Outputs(params AbsolutePath[] outputs);

    /// <summary>When this target fails, the build still runs the targets that do not depend on it.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>Runs even after another target failed (clean-up, tear-down).</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hidden from <c>--help</c>; it can still be invoked.</summary>
    ITargetDefinition Unlisted();
}
