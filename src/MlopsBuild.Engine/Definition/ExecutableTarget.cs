using System.Reflection;
using MlopsBuild.Engine.Paths;

namespace MlopsBuild.Engine.Definition;

/// <summary>A target with its relations resolved to other targets of the same build.</summary>
internal sealed class ExecutableTarget(TargetDefinition definition, PropertyInfo property)
{
    public string Name => Definition.Name;
    public TargetDefinition Definition { get; } = definition;
    public PropertyInfo Property { get; } = property;
    public string? Description => Definition.DescriptionText;
    public bool IsDefault { get; set; }
    public bool IsListed => !Definition.IsUnlisted;

    public List<ExecutableTarget> DependsOn { get; } = [];
    public List<ExecutableTarget> After { get; } = [];
    public List<ExecutableTarget> Triggers { get; } = [];
    public List<ExecutableTarget> TriggeredBy { get; } = [];

    /// <summary>Up-to-date checks apply only to targets that say what they read or write.</summary>
    public bool IsCacheable => Definition.InputList.Count > 0 || Definition.OutputList.Count > 0;

    public IReadOnlyList<AbsolutePath> Outputs => Definition.OutputList;

    public override string ToString() => Name;
}
