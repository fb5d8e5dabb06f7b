using MlopsBuild.Core.Hashing;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Fingerprints;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Engine.UpToDate;

namespace MlopsBuild.Engine.Execution;

/// <summary>
/// Decides whether a target can be skipped: its definition, the content of its inputs and the named values it
/// reads are what they were at its last success, and its outputs are still there, unchanged.
/// </summary>
internal sealed class UpToDateCheck(AbsolutePath root, ContentHasher hasher, BuildLock buildLock, DefinitionFingerprint fingerprint)
{
    const string Missing = "missing";

    /// <summary>The target's state now, before it runs (outputs are hashed after it succeeds).</summary>
    public TargetRecord Snapshot(ExecutableTarget target)
    {
        var inputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in target.Definition.InputList)
        {
            switch (input)
            {
                case PathInput path:
                    inputs[Key(path.Path)] = hasher.TryHash(path.Path) ?? Missing;
                    break;
                case ValueInput value:
                    values[value.Name] = value.Text;
                    break;
            }
        }
        var outputs = target.Outputs.ToDictionary(Key, _ => Missing, StringComparer.Ordinal);
        return new TargetRecord(fingerprint.Of(target), inputs, values, outputs);
    }

    public TargetRecord? LastSuccess(string targetName) => buildLock.Get(targetName);

    /// <summary>Null when up to date; otherwise why it must run.</summary>
    public string? ReasonToRun(string targetName, TargetRecord now)
    {
        if (buildLock.Get(targetName) is not { } last) return "no earlier success is recorded";
        if (last.Definition != now.Definition) return "its definition (code or libraries) changed";
        if (Difference("input", last.Inputs, now.Inputs) is { } input) return input;
        if (Difference("value", last.Values, now.Values) is { } value) return value;
        if (!last.Outputs.Keys.Order(StringComparer.Ordinal).SequenceEqual(now.Outputs.Keys.Order(StringComparer.Ordinal)))
            return "its declared outputs changed";
        foreach (var (path, hash) in last.Outputs)
        {
            var current = hasher.TryHash(Path.IsPathRooted(path) ? path : Path.Combine(root.FullPath, path));
            if (current is null) return $"output {path} is missing";
            if (current != hash) return $"output {path} was modified";
        }
        return null;
    }

    /// <summary>Records a success: the inputs as they were when it started, the outputs as they are now.</summary>
    public TargetRecord RecordSuccess(string targetName, ExecutableTarget target, TargetRecord before)
    {
        var outputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var output in target.Outputs)
            outputs[Key(output)] = hasher.TryHash(output)
                ?? throw new BuildFailedException($"Target '{targetName}' declares the output {Key(output)} but did not produce it.");
        var record = before with { Outputs = outputs };
        buildLock.Set(targetName, record);
        return record;
    }

    string Key(AbsolutePath path) => path.Display(root);

    static string? Difference(string kind, IReadOnlyDictionary<string, string> last, IReadOnlyDictionary<string, string> now)
    {
        foreach (var (key, value) in now)
        {
            if (!last.TryGetValue(key, out var previous)) return $"{kind} {key} is new";
            if (previous != value)
                return kind == "value" ? $"value {key} changed ({previous} → {value})" : $"input {key} changed";
        }
        var removed = last.Keys.FirstOrDefault(key => !now.ContainsKey(key));
        return removed is null ? null : $"{kind} {removed} is no longer read";
    }
}
