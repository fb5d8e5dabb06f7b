using System.Globalization;
using System.Text.RegularExpressions;
using MlopsBuild.Data.Samples;
using MlopsBuild.Data.Schema;
using MlopsBuild.Data.Validation;

using MlopsBuild.Testing;

namespace MlopsBuild.Data.Tests.Samples;

/// <summary>The committed data/loans.csv and data/loans.schema.yaml: reproducible, and describing each other.</summary>
public sealed class LoansFileTests
{
    static readonly string SchemaPath = RepositoryRoot.File("data", "loans.schema.yaml");

    [Fact]
    public void Regenerating_with_the_defaults_gives_the_committed_bytes()
    {
        var regenerated = new StringWriter();
        LoanDataGenerator.Write(regenerated);

        var committed = File.ReadAllBytes(RepositoryRoot.File("data", "loans.csv"));
        var expected = regenerated.ToString();
        if (committed.AsSpan().SequenceEqual(System.Text.Encoding.UTF8.GetBytes(expected))) return;

        var committedLines = System.Text.Encoding.UTF8.GetString(committed).Split('\n');
        var expectedLines = expected.Split('\n');
        var line = Enumerable.Range(0, Math.Min(committedLines.Length, expectedLines.Length)).FirstOrDefault(i => committedLines[i] != expectedLines[i], -1);
        Assert.Fail(line < 0
            ? $"data/loans.csv has {committedLines.Length} lines (or other line ends) where the generator writes {expectedLines.Length}; regenerate it (data/README.md)."
            : $"data/loans.csv line {line + 1} is '{committedLines[line]}' where the generator writes '{expectedLines[line]}'; regenerate it (data/README.md).");
    }

    [Fact]
    public void The_schema_loads_and_names_every_column_in_order()
    {
        var schema = SchemaFile.Load(SchemaPath);

        Assert.Equal(LoansCsv.Committed.Header, schema.Columns.Select(c => c.Name));
        Assert.Equal("defaulted", schema.Label?.Name);
    }

    [Fact]
    public void Every_value_meets_the_schema()
    {
        var csv = LoansCsv.Committed;
        var schema = SchemaFile.Load(SchemaPath);

        Assert.InRange(csv.Rows.Count, schema.MinRows ?? 0, schema.MaxRows ?? long.MaxValue);
        foreach (var column in schema.Columns)
        {
            var present = csv.Column(column.Name).Where(value => value.Length > 0).ToList();
            Assert.True(1 - present.Count / (double)csv.Rows.Count <= column.MaxMissingFraction, $"{column.Name}: too many missing");
            if (column.Unique) Assert.Equal(present.Count, present.Distinct().Count());
            var pattern = column.Pattern is { } text ? new Regex($"^(?:{text})$") : null;
            foreach (var value in present) AssertMeets(column, pattern, value);
        }
    }

    static void AssertMeets(ColumnSchema column, Regex? pattern, string value)
    {
        var number = column.Type switch
        {
            ColumnType.Numeric => double.Parse(value, CultureInfo.InvariantCulture),
            ColumnType.Integer => int.Parse(value, CultureInfo.InvariantCulture),
            ColumnType.DateTime => DateTimeText.TryParseUnixSeconds(value, out var seconds) ? seconds : double.NaN,
            _ => (double?)null,
        };
        if (number is { } n) Assert.InRange(n, column.Min ?? double.MinValue, column.Max ?? double.MaxValue);
        if (column.Type == ColumnType.Boolean) Assert.True(BooleanText.TryParse(value, out _), $"{column.Name}: '{value}' is no boolean");
        if (column.AllowedValues is { } allowed) Assert.Contains(value, allowed);
        if (pattern is not null) Assert.Matches(pattern, value);
    }
}
