using MlopsBuild.Data.Schema;
using MlopsBuild.Testing;

namespace MlopsBuild.Data.Tests.Schema;

public sealed class SchemaFileRoundTripTests : IDisposable
{
    // Every setting away from its default, and texts a YAML reader could mistake for numbers, booleans or syntax.
    static readonly DatasetSchema Everything = new()
    {
        MinRows = 10,
        MaxRows = 5_000_000_000,
        Separator = ';',
        AllowExtraColumns = true,
        Drift = new DriftThresholds { Psi = 1.5, KolmogorovSmirnov = 0.2, JensenShannon = 0.15, LInfinity = 0.05 },
        DriftShare = 0.5,
        Columns =
        [
            new ColumnSchema { Name = "id", Type = ColumnType.Text, Role = ColumnRole.Id, Unique = true, Pattern = @"^C\d{6}$ 'x' ""y"" # z" },
            new ColumnSchema { Name = "amount: usd", Type = ColumnType.Numeric, Min = -1.25, Max = 1e21, MaxMissingFraction = 0.03, Mostly = 0.999 },
            new ColumnSchema { Name = "count", Type = ColumnType.Integer, Min = 0, Max = 12, Drift = new DriftThresholds { Psi = 1.5, KolmogorovSmirnov = 0.3, JensenShannon = 0.15, LInfinity = 0.05 } },
            new ColumnSchema { Name = "code", Type = ColumnType.Categorical, AllowedValues = ["1", "true", "no", "null", "", "- dash", "[x]", "a, b", "ünï"] },
            new ColumnSchema { Name = "same drift", Type = ColumnType.Boolean, Role = ColumnRole.Ignored, Drift = new DriftThresholds { Psi = 1.5, KolmogorovSmirnov = 0.2, JensenShannon = 0.15, LInfinity = 0.05 } },
            new ColumnSchema { Name = "when", Type = ColumnType.DateTime, Min = 1704067200, Max = 1767184245.5 },
            new ColumnSchema { Name = "y", Type = ColumnType.Boolean, Role = ColumnRole.Label },
        ],
    };

    readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData("schema.yaml")]
    [InlineData("schema.yml")]
    [InlineData("schema.json")]
    public void Saving_then_loading_gives_the_same_schema(string name)
    {
        var path = directory.File(name);

        SchemaFile.Save(Everything, path, "A header\nwith two lines");

        SchemaAssert.Equal(Everything, SchemaFile.Load(path));
    }

    [Theory]
    [InlineData("schema.yaml")]
    [InlineData("schema.json")]
    public void Saving_twice_writes_the_same_bytes(string name)
    {
        var first = directory.File("first-" + name);
        var second = directory.File("second-" + name);

        SchemaFile.Save(Everything, first);
        SchemaFile.Save(SchemaFile.Load(first), second);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void Defaults_are_left_out()
    {
        var path = directory.File("minimal.yaml");

        SchemaFile.Save(new DatasetSchema { Columns = [new ColumnSchema { Name = "x", Type = ColumnType.Numeric }] }, path);

        Assert.Equal("columns:\n  - name: x\n    type: numeric\n", File.ReadAllText(path));
    }

    [Fact]
    public void Json_has_the_same_keys_and_no_comment()
    {
        var path = directory.File("schema.json");

        SchemaFile.Save(new DatasetSchema { MinRows = 1, Columns = [new ColumnSchema { Name = "x", Type = ColumnType.Integer, MaxMissingFraction = 0.5 }] }, path, "ignored");

        Assert.Equal("""
            {
              "rows": {
                "min": 1
              },
              "columns": [
                {
                  "name": "x",
                  "type": "integer",
                  "max_missing": 0.5
                }
              ]
            }

            """, File.ReadAllText(path));
    }

    [Fact]
    public void A_header_comment_becomes_comment_lines_at_the_top()
    {
        var path = directory.File("schema.yaml");

        SchemaFile.Save(new DatasetSchema { Columns = [new ColumnSchema { Name = "x", Type = ColumnType.Text }] }, path, "Schema of data/x.csv\n\nEdit freely.");

        Assert.StartsWith("# Schema of data/x.csv\n#\n# Edit freely.\ncolumns:\n", File.ReadAllText(path));
    }

    [Fact]
    public void Datetime_bounds_are_written_as_iso_dates()
    {
        var path = directory.File("schema.yaml");

        SchemaFile.Save(new DatasetSchema { Columns = [Everything.Columns[5]] }, path);

        Assert.Contains("min: 2024-01-01\n    max: 2025-12-31T12:30:45.5Z\n", File.ReadAllText(path));
    }
}
