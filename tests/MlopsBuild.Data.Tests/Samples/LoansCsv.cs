using MlopsBuild.Testing;

namespace MlopsBuild.Data.Tests.Samples;

/// <summary>data/loans.csv read as text: no field of it is quoted, so splitting on commas is exact.</summary>
internal sealed class LoansCsv
{
    public static LoansCsv Committed { get; } = Parse(File.ReadAllText(RepositoryRoot.File("data", "loans.csv")));

    public required IReadOnlyList<string> Header { get; init; }
    public required IReadOnlyList<string[]> Rows { get; init; }

    public static LoansCsv Parse(string text)
    {
        var lines = text.TrimEnd('\n').Split('\n');
        return new LoansCsv { Header = lines[0].Split(','), Rows = lines.Skip(1).Select(line => line.Split(',')).ToList() };
    }

    public IEnumerable<string> Column(string name)
    {
        var index = Header.ToList().IndexOf(name);
        return Rows.Select(row => row[index]);
    }

    public double MissingShare(string name) => Column(name).Count(value => value.Length == 0) / (double)Rows.Count;
}
