using MlopsBuild.Data.Schema;
using MlopsBuild.Testing;

namespace MlopsBuild.Data.Tests.Schema;

public sealed class SchemaFileExampleTests : IDisposable
{
    const string ExampleYaml = """
        # Schema of data/loans.csv — what ValidateData checks.
        rows: { min: 1000, max: 1000000 }
        separator: ","
        allow_extra_columns: false
        drift: { psi: 0.2, ks: 0.1, jensen_shannon: 0.1, l_infinity: 0.1, share: 0.3 }
        columns:
          - name: customer_id
            type: categorical        # numeric | integer | categorical | boolean | text | datetime
            role: id                 # feature (default) | label | id | ignored
            unique: true
            pattern: "C[0-9]{6}"
          - name: income
            type: numeric
            min: 0
            max_missing: 0.05
            mostly: 0.99
            drift: { psi: 0.25 }
          - name: region
            type: categorical
            values: [north, south, east, west, central]

        """;

    const string ExampleJson = """
        {
          "rows": { "min": 1000, "max": 1000000 },
          "separator": ",",
          "allow_extra_columns": false,
          "drift": { "psi": 0.2, "ks": 0.1, "jensen_shannon": 0.1, "l_infinity": 0.1, "share": 0.3 },
          "columns": [
            { "name": "customer_id", "type": "categorical", "role": "id", "unique": true, "pattern": "C[0-9]{6}" },
            { "name": "income", "type": "numeric", "min": 0, "max_missing": 0.05, "mostly": 0.99, "drift": { "psi": 0.25 } },
            { "name": "region", "type": "categorical", "values": ["north", "south", "east", "west", "central"] }
          ]
        }
        """;

    readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void The_example_loads_with_its_values()
    {
        var schema = SchemaFile.Load(directory.Write("loans.schema.yaml", ExampleYaml));

        Assert.Equal(1000, schema.MinRows);
        Assert.Equal(1_000_000, schema.MaxRows);
        Assert.Equal(',', schema.Separator);
        Assert.False(schema.AllowExtraColumns);
        Assert.Equal(new DriftThresholds { Psi = 0.2, KolmogorovSmirnov = 0.1, JensenShannon = 0.1, LInfinity = 0.1 }, schema.Drift);
        Assert.Equal(0.3, schema.DriftShare);
        Assert.Equal(["customer_id", "income", "region"], schema.Columns.Select(c => c.Name));

        var id = schema.Columns[0];
        Assert.Equal(ColumnType.Categorical, id.Type);
        Assert.Equal(ColumnRole.Id, id.Role);
        Assert.True(id.Unique);
        Assert.Equal("C[0-9]{6}", id.Pattern);
        Assert.Null(id.Drift);

        var income = schema.Columns[1];
        Assert.Equal(ColumnType.Numeric, income.Type);
        Assert.Equal(ColumnRole.Feature, income.Role);
        Assert.Equal(0, income.Min);
        Assert.Null(income.Max);
        Assert.Equal(0.05, income.MaxMissingFraction);
        Assert.Equal(0.99, income.Mostly);
        Assert.Equal(schema.Drift with { Psi = 0.25 }, income.Drift);

        var region = schema.Columns[2];
        Assert.Equal(["north", "south", "east", "west", "central"], region.AllowedValues);
        Assert.Equal(0, region.MaxMissingFraction);
        Assert.Equal(1, region.Mostly);
    }

    [Fact]
    public void The_example_in_json_loads_the_same_schema()
    {
        var fromYaml = SchemaFile.Load(directory.Write("loans.schema.yaml", ExampleYaml));
        var fromJson = SchemaFile.Load(directory.Write("loans.schema.json", ExampleJson));

        SchemaAssert.Equal(fromYaml, fromJson);
    }

    [Fact]
    public void Saving_the_example_writes_it_back_without_its_defaults()
    {
        var path = directory.File("saved.yaml");

        SchemaFile.Save(SchemaFile.Load(directory.Write("loans.schema.yaml", ExampleYaml)), path, "Schema of data/loans.csv");

        Assert.Equal("""
            # Schema of data/loans.csv
            rows: {min: 1000, max: 1000000}
            columns:
              - name: customer_id
                type: categorical
                role: id
                unique: true
                pattern: C[0-9]{6}
              - name: income
                type: numeric
                min: 0
                max_missing: 0.05
                mostly: 0.99
                drift: {psi: 0.25}
              - name: region
                type: categorical
                values: [north, south, east, west, central]

            """, File.ReadAllText(path));
    }
}
