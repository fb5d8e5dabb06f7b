namespace MlopsBuild.Data.Reading;

/// <summary>
/// A data file that cannot be read as a table. The message has the compiler-style form
/// "file(line,column): what is wrong. What to do."; "file(line): ..." when no column applies and
/// "file: ..." when the problem concerns the whole file (line 0).
/// </summary>
public sealed class DataFormatException : Exception
{
    public DataFormatException(string file, long line, int column, string description)
        : base(Format(file, line, column, description))
    {
        File = file;
        Line = line;
        Column = column;
        Description = description;
    }

    public string File { get; }

    /// <summary>1-based physical line; 0 when the problem concerns the whole file.</summary>
    public long Line { get; }

    /// <summary>1-based column in characters within the line; 0 when not applicable.</summary>
    public int Column { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Description { get; }

    private static string Format(string file, long line, int column, string description) =>
        line <= 0 ? $"{file}: {description}"
        : column <= 0 ? $"{file}({line}): {description}"
        : $"{file}({line},{column}): {description}";
}
