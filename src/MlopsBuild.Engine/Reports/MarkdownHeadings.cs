namespace MlopsBuild.Engine.Reports;

/// <summary>
/// Moves the ATX headings of a Markdown fragment under a given level, keeping their relative depth, so a library's
/// report (which starts at "#" or "##") reads as part of the section it is reported in. Fenced code is left alone.
/// </summary>
internal static class MarkdownHeadings
{
    const int Deepest = 6;

    public static string NestUnder(int parentLevel, string markdown)
    {
        var lines = markdown.Split('\n');
        var headings = HeadingLevels(lines);
        if (headings.Count == 0) return markdown;
        var shift = parentLevel + 1 - headings.Values.Min();
        if (shift <= 0) return markdown;
        foreach (var (index, level) in headings)
            lines[index] = new string('#', Math.Min(Deepest, level + shift)) + lines[index][level..];
        return string.Join('\n', lines);
    }

    /// <summary>The level of each heading line, by line index.</summary>
    static Dictionary<int, int> HeadingLevels(string[] lines)
    {
        var levels = new Dictionary<int, int>();
        string? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart(' ');
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                var marker = trimmed[..3];
                if (fence is null) fence = marker;
                else if (fence == marker) fence = null;
                continue;
            }
            if (fence is not null) continue;
            var level = line.TakeWhile(c => c == '#').Count();
            if (level is >= 1 and <= Deepest && (line.Length == level || line[level] == ' ')) levels[i] = level;
        }
        return levels;
    }
}
