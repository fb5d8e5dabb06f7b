using System.Reflection;

namespace MlopsBuild.Engine.Definition;

/// <summary>Finds the <see cref="Target"/> properties of a build, runs their declarations and links them.</summary>
internal static class TargetCatalog
{
    public static IReadOnlyList<ExecutableTarget> Create(object build, string? defaultTargetName)
    {
        var properties = TargetProperties(build.GetType());
        var targets = new List<(Target Factory, ExecutableTarget Target)>();
        foreach (var property in properties)
        {
            var factory = (Target)property.GetValue(build)!;
            var definition = new TargetDefinition(property.Name);
            factory(definition);
            targets.Add((factory, new ExecutableTarget(definition, property)));
        }

        // A property getter returns a new delegate each time, but delegates over the same method and
        // instance are equal, which is how the targets named in DependsOn(...) are recognised.
        ExecutableTarget Resolve(Target reference, ExecutableTarget from) =>
            targets.FirstOrDefault(t => t.Factory.Equals(reference)).Target
            ?? throw new BuildUsageException($"Target '{from.Name}' refers to a target that is not a property of {build.GetType().Name}.");

        foreach (var (_, target) in targets)
        {
            var definition = target.Definition;
            target.IsDefault = target.Name == defaultTargetName;
            foreach (var reference in definition.DependsOnTargets) AddOnce(target.DependsOn, Resolve(reference, target));
            foreach (var reference in definition.DependentForTargets) AddOnce(Resolve(reference, target).DependsOn, target);
            foreach (var reference in definition.AfterTargets) AddOnce(target.After, Resolve(reference, target));
            foreach (var reference in definition.BeforeTargets) AddOnce(Resolve(reference, target).After, target);
            foreach (var reference in definition.TriggersTargets) Link(target, Resolve(reference, target));
            foreach (var reference in definition.TriggeredByTargets) Link(Resolve(reference, target), target);
        }

        return targets.Select(t => t.Target).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    static void Link(ExecutableTarget trigger, ExecutableTarget triggered)
    {
        AddOnce(trigger.Triggers, triggered);
        AddOnce(triggered.TriggeredBy, trigger);
    }

    static void AddOnce(List<ExecutableTarget> list, ExecutableTarget target)
    {
        if (!list.Contains(target)) list.Add(target);
    }

    static IEnumerable<PropertyInfo> TargetProperties(Type type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (var property in current.GetProperties(flags))
                if (property.PropertyType == typeof(Target) && property.GetIndexParameters().Length == 0 && seen.Add(property.Name))
                    yield return property;
        }
    }
}
