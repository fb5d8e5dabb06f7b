using System.Globalization;
using MlopsBuild.Core.Text;

namespace MlopsBuild.Data.Schema;

/// <summary>
/// Takes values out of a <see cref="SchemaNode"/> tree as the types they must have, or throws a
/// <see cref="SchemaFileException"/> at the value that is wrong. <c>what</c> names the value in messages ("min of column 'age'").
/// </summary>
internal sealed class SchemaValues(string file)
{
    public SchemaFileException Error(SchemaNode at, string problem, string remedy) => new(file, at.Line, at.Column, problem, remedy);

    /// <summary>The entries of a mapping by key, after rejecting keys that are unknown or set twice.</summary>
    public IReadOnlyDictionary<string, SchemaEntry> Entries(SchemaNode node, string what, IReadOnlyList<string> keys)
    {
        if (node is not SchemaMapping mapping)
            throw Error(node, $"{what} must be a mapping, not {Describe(node)}", $"Write it as 'key: value' lines with the keys {string.Join(", ", keys)}.");
        var entries = new Dictionary<string, SchemaEntry>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Text!;
            if (!keys.Contains(key))
                throw Error(entry.Key, $"unknown key '{key}' in {what}",
                    ClosestMatch.Find(key, keys) is { } match ? $"Did you mean '{match}'?" : $"Use one of: {string.Join(", ", keys)}.");
            if (!entries.TryAdd(key, entry))
                throw Error(entry.Key, $"'{key}' is set twice in {what} (first on line {entries[key].Key.Line})", "Keep one of them.");
        }
        return entries;
    }

    public SchemaSequence Sequence(SchemaNode node, string what) =>
        node as SchemaSequence ?? throw Error(node, $"{what} must be a list, not {Describe(node)}", "Write it as [a, b] or as one '- item' line per item.");

    public string Text(SchemaNode node, string what) =>
        node is SchemaScalar { Text: { } text } ? text : throw Error(node, $"{what} must be a text, not {Describe(node)}", "Write a value after the colon.");

    public bool Boolean(SchemaNode node, string what) => node switch
    {
        SchemaScalar { IsString: false, Text: "true" or "True" or "TRUE" } => true,
        SchemaScalar { IsString: false, Text: "false" or "False" or "FALSE" } => false,
        _ => throw Error(node, $"{what} must be true or false, not {Describe(node)}", "Write true or false, without quotes."),
    };

    public double Number(SchemaNode node, string what)
    {
        if (node is SchemaScalar { Text: { } text } scalar && TryParseNumber(text, out var value))
            return scalar.IsString
                ? throw Error(node, $"{what} must be a number, not the text {Describe(node)}", "Remove the quotes around the number.")
                : value;
        throw Error(node, $"{what} must be a number, not {Describe(node)}", "Write a number such as 0, 12 or 0.5.");
    }

    public double NonNegative(SchemaNode node, string what)
    {
        var value = Number(node, what);
        return value >= 0 ? value : throw Error(node, $"{what} is {Show(value)}, below 0", "Write 0 or more.");
    }

    public double Fraction(SchemaNode node, string what)
    {
        var value = Number(node, what);
        return value is >= 0 and <= 1
            ? value
            : throw Error(node, $"{what} is {Show(value)}, outside [0, 1]", "Write a share between 0 and 1, such as 0.05 for 5%.");
    }

    public long Count(SchemaNode node, string what)
    {
        var value = Number(node, what);
        return value >= 0 && value == Math.Floor(value) && value <= long.MaxValue
            ? (long)value
            : throw Error(node, $"{what} must be a whole number of 0 or more, not {Show(value)}", "Write a count such as 1000.");
    }

    public static string Describe(SchemaNode node) => node switch
    {
        SchemaScalar { Text: null } => "nothing",
        SchemaScalar { Text: var text } => $"'{text}'",
        SchemaSequence => "a list",
        _ => "a mapping",
    };

    static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
