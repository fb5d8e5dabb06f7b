using System.Text;
using System.Text.RegularExpressions;

namespace MlopsBuild.Engine.ContinuousIntegration.Yaml;

/// <summary>
/// Writes a <see cref="YamlNode"/> tree as block-style YAML, two spaces per level, '\n' line ends. Text is written plain
/// when it reads back as the same text under YAML 1.1 and 1.2 alike, in double quotes otherwise; text of several lines
/// as a literal block.
/// </summary>
internal static partial class YamlWriter
{
    public static string Write(YamlMapping document)
    {
        var text = new StringBuilder();
        WriteMapping(text, document, 0);
        return text.ToString();
    }

    static void WriteMapping(StringBuilder text, YamlMapping mapping, int indent)
    {
        foreach (var (key, value) in mapping)
        {
            text.Append(' ', indent).Append(Scalar(key)).Append(':');
            WriteValue(text, value, indent);
        }
    }

    /// <summary>Writes what follows "key:" or "-": the rest of the line, or the lines below it.</summary>
    static void WriteValue(StringBuilder text, YamlNode value, int indent)
    {
        switch (value)
        {
            case YamlScalar { IsPlain: true, Value.Length: 0 }:
                text.Append('\n');
                break;
            case YamlScalar { IsPlain: false } scalar when scalar.Value.Contains('\n'):
                var block = scalar.Value.EndsWith('\n') ? scalar.Value[..^1] : scalar.Value;
                text.Append(scalar.Value.EndsWith('\n') ? " |\n" : " |-\n");
                foreach (var line in block.Split('\n')) text.Append(' ', indent + 2).Append(line).Append('\n');
                break;
            case YamlScalar scalar:
                text.Append(' ').Append(scalar.IsPlain ? scalar.Value : Scalar(scalar.Value)).Append('\n');
                break;
            case YamlMapping { Count: 0 }:
                text.Append(" {}\n");
                break;
            case YamlMapping mapping:
                text.Append('\n');
                WriteMapping(text, mapping, indent + 2);
                break;
            case YamlSequence sequence:
                text.Append('\n');
                foreach (var item in sequence) WriteItem(text, item, indent + 2);
                break;
            default:
                throw new ArgumentException($"Cannot write {value.GetType().Name}.", nameof(value));
        }
    }

    /// <summary>A sequence item: "- " then the item, a mapping's first key on the dash's line and the others below it.</summary>
    static void WriteItem(StringBuilder text, YamlNode item, int indent)
    {
        if (item is YamlMapping { Count: > 0 } mapping)
        {
            var start = text.Length;
            WriteMapping(text, mapping, indent + 2);
            text.Remove(start, indent + 2).Insert(start, new string(' ', indent) + "- ");
            return;
        }
        text.Append(' ', indent).Append('-');
        WriteValue(text, item, indent);
    }

    static string Scalar(string text) => CanBePlain(text) ? text : Quoted(text);

    static string Quoted(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }

    /// <summary>
    /// Plain only when no YAML rule applies: no indicator first, no ": " or " #", no ':' at all (YAML 1.1 reads 1:20 as
    /// a number), no edge spaces, and nothing either version types (true, on, y, null, .5; a digit or ~ first is quoted).
    /// </summary>
    static bool CanBePlain(string text) =>
        text.Length > 0
        && PlainStart().IsMatch(text)
        && !text.Contains(':') && !text.Contains(" #") && !text.Any(char.IsControl)
        && !char.IsWhiteSpace(text[^1])
        && !Typed().IsMatch(text);

    [GeneratedRegex(@"^[A-Za-z$./_(]")]
    private static partial Regex PlainStart();

    [GeneratedRegex(@"^(?i:y|n|yes|no|true|false|on|off|null|\.nan|\.inf|\.[0-9].*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Typed();
}
