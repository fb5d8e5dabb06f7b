using MlopsBuild.Engine.Paths;

namespace MlopsBuild.Engine.Definition;

/// <summary>Collects what a target's declaration says; the catalog resolves the referenced targets to names.</summary>
internal sealed class TargetDefinition(string name) : ITargetDefinition
{
    public string Name { get; } = name;
    public string? DescriptionText { get; private set; }
    public List<Target> DependsOnTargets { get; } = [];
    public List<Target> DependentForTargets { get; } = [];
    public List<Target> AfterTargets { get; } = [];
    public List<Target> BeforeTargets { get; } = [];
    public List<Target> TriggersTargets { get; } = [];
    public List<Target> TriggeredByTargets { get; } = [];
    public List<TargetCondition> Conditions { get; } = [];
    public List<TargetRequirement> Requirements { get; } = [];
    public List<Func<Task>> Actions { get; } = [];
    public List<Delegate> ActionDelegates { get; } = [];
    public List<TargetInput> InputList { get; } = [];
    public List<AbsolutePath> OutputList { get; } = [];
    public bool ProceedsAfterFailure { get; private set; }
    public bool IsAssuredAfterFailure { get; private set; }
    public bool IsUnlisted { get; private set; }

    public ITargetDefinition Description(string description) => Do(() => DescriptionText = description);
    public ITargetDefinition DependsOn(params Target[] targets) => Do(() => DependsOnTargets.AddRange(targets));
    public ITargetDefinition DependentFor(params Target[] targets) => Do(() => DependentForTargets.AddRange(targets));
    public ITargetDefinition After(params Target[] targets) => Do(() => AfterTargets.AddRange(targets));
    public ITargetDefinition Before(params Target[] targets) => Do(() => BeforeTargets.AddRange(targets));
    public ITargetDefinition Triggers(params Target[] targets) => Do(() => TriggersTargets.AddRange(targets));
    public ITargetDefinition TriggeredBy(params Target[] targets) => Do(() => TriggeredByTargets.AddRange(targets));
    public ITargetDefinition OnlyWhen(Func<bool> condition, string conditionText = "") =>
        Do(() => Conditions.Add(new TargetCondition(condition, CodeText.StripLambda(conditionText))));
    public ITargetDefinition Requires<T>(Func<T> requirement, string requirementText = "") =>
        Do(() => Requirements.Add(new TargetRequirement(() => requirement(), CodeText.StripLambda(requirementText))));
    public ITargetDefinition Inputs(params TargetInput[] inputs) => Do(() => InputList.AddRange(inputs));
    public ITargetDefinition Outputs(params AbsolutePath[] outputs) => Do(() => OutputList.AddRange(outputs));
    public ITargetDefinition ProceedAfterFailure() => Do(() => ProceedsAfterFailure = true);
    public ITargetDefinition AssuredAfterFailure() => Do(() => IsAssuredAfterFailure = true);
    public ITargetDefinition Unlisted() => Do(() => IsUnlisted = true);

    public ITargetDefinition Executes(Action action) => Do(() =>
    {
        ActionDelegates.Add(action);
        Actions.Add(() =>
        {
            action();
            return Task.CompletedTask;
        });
    });

    public ITargetDefinition Executes(Func<Task> action) => Do(() =>
    {
        ActionDelegates.Add(action);
        Actions.Add(action);
    });

    TargetDefinition Do(Action change)
    {
        change();
        return this;
    }
}

internal sealed record TargetCondition(Func<bool> Evaluate, string Text);

internal sealed record TargetRequirement(Func<object?> Evaluate, string Text);
