namespace MlopsBuild.Engine.Terminal;

/// <summary>Rows under a header as text: each column padded to its widest cell, two spaces between columns.</summary>
internal static class PlainTable
{
    public static IEnumerable<string> Lines(string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        return all.Select(row => string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
    }
}
