using System.Text;
using System.Text.RegularExpressions;

namespace MlopsBuild.Engine.Git;

/// <summary>Reads the "origin" remote URL from a git config file (include directives are not followed).</summary>
internal static partial class GitConfigFile
{
    public static string? ReadOriginUrl(string configFile) =>
        File.Exists(configFile) ? ParseOriginUrl(File.ReadAllLines(configFile)) : null;

    // git uses the first url of a remote for fetching; further ones are extra push URLs.
    public static string? ParseOriginUrl(IReadOnlyList<string> lines)
    {
        var inOrigin = false;
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            var header = SectionHeader().Match(line);
            if (header.Success)
            {
                inOrigin = IsOriginSection(header.Groups["name"].Value, header.Groups["subsection"]);
                line = header.Groups["rest"].Value; // a key may follow the header on the same line
            }
            if (!inOrigin)
                continue;
            var entry = KeyValue().Match(line);
            if (entry.Success && entry.Groups["key"].Value.Equals("url", StringComparison.OrdinalIgnoreCase))
                return ParseValue(lines, ref index, entry.Groups["value"].Value);
        }
        return null;
    }

    // Section names are case-insensitive, subsections are not; the legacy "[remote.origin]" form is lower-cased.
    static bool IsOriginSection(string name, Group subsection)
    {
        if (subsection.Success)
            return name.Equals("remote", StringComparison.OrdinalIgnoreCase)
                && Regex.Replace(subsection.Value, @"\\(.)", "$1") == "origin";
        return name.Equals("remote.origin", StringComparison.OrdinalIgnoreCase);
    }

    // Value syntax: surrounding blanks trimmed, "..." quotes removed, \" \\ \n \t \b escapes,
    // '#' or ';' outside quotes starts a comment, a trailing '\' continues on the next line.
    static string ParseValue(IReadOnlyList<string> lines, ref int index, string text)
    {
        var value = new StringBuilder();
        var quoted = false;
        var trailingBlanks = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 == text.Length && index + 1 < lines.Count)
            {
                text = lines[++index];
                i = -1;
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                var escaped = text[++i];
                value.Append(escaped switch { 'n' => '\n', 't' => '\t', 'b' => '\b', _ => escaped });
                trailingBlanks = 0;
            }
            else if (c == '"')
                quoted = !quoted;
            else if (!quoted && c is '#' or ';')
                break;
            else if (!quoted && char.IsWhiteSpace(c))
            {
                if (value.Length == 0)
                    continue;
                value.Append(c);
                trailingBlanks++;
            }
            else
            {
                value.Append(c);
                trailingBlanks = 0;
            }
        }
        return value.ToString(0, value.Length - trailingBlanks);
    }

    [GeneratedRegex("""^\s*\[\s*(?<name>[A-Za-z0-9.-]+)(?:\s+"(?<subsection>(?:[^"\\]|\\.)*)")?\s*\](?<rest>.*)$""")]
    private static partial Regex SectionHeader();

    [GeneratedRegex("""^\s*(?<key>[A-Za-z][A-Za-z0-9-]*)\s*=(?<value>.*)$""")]
    private static partial Regex KeyValue();
}
