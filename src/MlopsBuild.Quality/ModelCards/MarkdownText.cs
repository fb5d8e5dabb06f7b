using System.Text;

namespace MlopsBuild.Quality.ModelCards;

/// <summary>Text made safe for a cell of a GitHub-flavoured Markdown table.</summary>
internal static class MarkdownText
{
    /// <summary>
    /// Backslash-escapes what would end the cell (|) or turn into markup on GitHub (HTML tags, entities, code, emphasis,
    /// links), and joins lines: a cell is one line.
    /// </summary>
    public static string Cell(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '|' or '<' or '>' or '&' or '`' or '*' or '[' or ']') escaped.Append('\\').Append(c);
            else if (c is '\r' or '\n') escaped.Append(' ');
            else escaped.Append(c);
        }
        return escaped.ToString();
    }
}
