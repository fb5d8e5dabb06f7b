namespace MlopsBuild.Data.Schema;

/// <summary>
/// A schema file that cannot be used, with where the problem is and what to do about it:
/// "<c>data/loans.schema.yaml(12,10): unknown key 'max_mising' in column 'income'. Did you mean 'max_missing'?</c>".
/// Lines and columns are 1-based.
/// </summary>
public sealed class SchemaFileException(string file, int line, int column, string problem, string remedy)
    : Exception($"{file}({line},{column}): {problem}. {remedy}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
}
