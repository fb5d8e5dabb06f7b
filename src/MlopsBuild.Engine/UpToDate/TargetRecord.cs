using System.Collections.Immutable;

namespace MlopsBuild.Engine.UpToDate;

/// <summary>What a target was built from and what it produced, as stored in the build lock file.</summary>
/// <param name="Definition">Hash of the target's definition.</param>
/// <param name="Inputs">Root-relative path ('/' separators) -> content hash, "missing" when absent.</param>
/// <param name="Values">Named parameter values -> their text.</param>
/// <param name="Outputs">Root-relative path ('/' separators) -> content hash.</param>
public sealed record TargetRecord(
    string Definition,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, string> Outputs)
{
    /// <summary>A copy the caller can no longer mutate; rejects nulls, which would make the lock file unreadable.</summary>
    internal TargetRecord ToImmutable() => new(
        Definition ?? throw new ArgumentException("The definition hash is required.", nameof(Definition)),
        Copy(Inputs, nameof(Inputs)),
        Copy(Values, nameof(Values)),
        Copy(Outputs, nameof(Outputs)));

    static ImmutableSortedDictionary<string, string> Copy(IReadOnlyDictionary<string, string> map, string name)
    {
        ArgumentNullException.ThrowIfNull(map, name);
        if (map.Values.Any(value => value is null)) throw new ArgumentException($"{name} must not contain null values.", name);
        return map.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }
}
