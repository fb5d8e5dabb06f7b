using System.Text;

namespace MlopsBuild.Data.Reading;

/// <summary>Turns the first row of a CSV file into column names: unescaped, none empty, none repeated.</summary>
internal static class CsvHeader
{
    /// <param name="text">The text (UTF-8) from the start of the file (the header starts at index 0, on line 1).</param>
    /// <param name="fields">(start, length) of each header field in <paramref name="text"/>, quotes excluded.</param>
    /// <param name="escapedFields">The fields whose text still holds doubled quotes.</param>
    public static string[] Names(string path, ReadOnlySpan<byte> text, ReadOnlySpan<int> fields, ReadOnlySpan<int> escapedFields)
    {
        var names = new string[fields.Length / 2];
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            int start = fields[2 * i];
            var value = text.Slice(start, fields[2 * i + 1]);
            string name = Encoding.UTF8.GetString(value);
            if (escapedFields.Contains(i)) name = name.Replace("\"\"", "\"", StringComparison.Ordinal);
            bool quoted = start > 0 && text[start - 1] == '"';
            var (line, column) = Locate(text, quoted ? start - 1 : start);
            if (name.Length == 0)
                throw new DataFormatException(path, line, column,
                    $"header column {i + 1} has no name. Give every column a name (check for a separator at the end of the line)");
            if (positions.TryGetValue(name, out int first))
                throw new DataFormatException(path, line, column,
                    $"column '{name}' appears twice in the header, as columns {first + 1} and {i + 1}. Rename one of them");
            positions.Add(name, i);
            names[i] = name;
        }
        return names;
    }

    private static (long Line, int Column) Locate(ReadOnlySpan<byte> text, int index)
    {
        var before = text[..index];
        return (1 + before.Count((byte)'\n'), Encoding.UTF8.GetCharCount(before[(before.LastIndexOf((byte)'\n') + 1)..]) + 1);
    }
}
