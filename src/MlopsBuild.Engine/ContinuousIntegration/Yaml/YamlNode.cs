using System.Collections;

namespace MlopsBuild.Engine.ContinuousIntegration.Yaml;

/// <summary>A node of a YAML document as <see cref="YamlWriter"/> writes it: the few shapes a workflow file needs.</summary>
internal abstract class YamlNode
{
    public static implicit operator YamlNode(string text) => YamlScalar.Text(text);
}

/// <summary>Keys in the order they were added, so the written file never depends on a dictionary's order.</summary>
internal sealed class YamlMapping : YamlNode, IEnumerable<KeyValuePair<string, YamlNode>>
{
    readonly List<KeyValuePair<string, YamlNode>> entries = [];

    public int Count => entries.Count;

    public void Add(string key, YamlNode value)
    {
        if (entries.Any(e => e.Key == key)) throw new ArgumentException($"The key '{key}' is already in this mapping.", nameof(key));
        entries.Add(new(key, value));
    }

    public IEnumerator<KeyValuePair<string, YamlNode>> GetEnumerator() => entries.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

internal sealed class YamlSequence : YamlNode, IEnumerable<YamlNode>
{
    readonly List<YamlNode> items = [];

    public void Add(YamlNode item) => items.Add(item);

    public IEnumerator<YamlNode> GetEnumerator() => items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// A value written as it is (<see cref="Plain"/>: booleans, numbers, an empty value) or as text, which the writer quotes
/// whenever YAML would otherwise read it as something else.
/// </summary>
internal sealed class YamlScalar(string value, bool isPlain) : YamlNode
{
    public string Value { get; } = value;
    public bool IsPlain { get; } = isPlain;

    public static YamlScalar Text(string text) => new(text, false);
    public static YamlScalar Boolean(bool value) => new(value ? "true" : "false", true);

    /// <summary>A key with no value (<c>push:</c>): the event with all its defaults.</summary>
    public static YamlScalar Empty { get; } = new("", true);
}
