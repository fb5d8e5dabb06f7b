using MlopsBuild.Data.Inference;
using MlopsBuild.Data.Reading;
using MlopsBuild.Data.Schema;
using MlopsBuild.Testing;

namespace MlopsBuild.Data.Tests.Inference;

public sealed class SchemaInferenceTests : IDisposable
{
    readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Each_column_gets_the_narrowest_type_its_values_fit()
    {
        var rows = Enumerable.Range(0, 100).Select(i =>
            $"U{i:D4},{20 + i % 40},{i * 0.5},{(i % 3 == 0 ? "north" : "south")},{(i % 2 == 0 ? "yes" : "no")},2024-01-{1 + i % 28:D2},comment number {i},{(i % 10 == 0 ? "" : "7.5")},{i % 2}");
        var path = directory.Write("data.csv", "user_id,age,score,region,member,joined,note,rate,churned\n" + string.Join("\n", rows) + "\n");

        var schema = SchemaInference.Infer(path, labelColumn: "churned");

        ColumnSchema Column(string name) => schema.Columns.Single(c => c.Name == name);
        Assert.Equal((ColumnType.Categorical, ColumnRole.Id, true), (Column("user_id").Type, Column("user_id").Role, Column("user_id").Unique));
        Assert.Equal((ColumnType.Integer, 20.0, 59.0), (Column("age").Type, Column("age").Min!.Value, Column("age").Max!.Value));
        Assert.Equal(ColumnType.Numeric, Column("score").Type);
        Assert.Equal(["north", "south"], Column("region").AllowedValues);
        Assert.Equal(ColumnType.Boolean, Column("member").Type);
        Assert.Equal(ColumnType.DateTime, Column("joined").Type);
        Assert.Equal(ColumnType.Text, Column("note").Type);
        Assert.Equal(0.16, Column("rate").MaxMissingFraction);
        Assert.Equal(0, Column("age").MaxMissingFraction);
        Assert.Equal((ColumnType.Boolean, ColumnRole.Label), (Column("churned").Type, Column("churned").Role));
    }

    [Fact]
    public void Many_distinct_values_decide_types_as_few_do_and_ids_are_still_checked_for_uniqueness()
    {
        // Past 50 distinct values a column that is not an id stops being counted value by value; numbers of 4 to 16
        // characters are read from their bytes. Neither may change what is inferred.
        var rows = Enumerable.Range(0, 2000).Select(i =>
            $"A{i:D5},O{Math.Min(i, 1998):D5},{1000 + i},{i * 1.25:0.00},{(i % 7 == 0 ? "1e3" : i % 7 == 1 ? "-7" : (i / 3.0).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture))},city{i % 60},{(i % 2 == 0 ? "0001" : "0000")},{(i % 3 == 0 ? "yes" : "No")}");
        var path = directory.Write("data.csv", "account_id,order_id,count,amount,mixed,city,code,member\n" + string.Join("\n", rows) + "\n");

        var schema = SchemaInference.Infer(path);

        ColumnSchema Column(string name) => schema.Columns.Single(c => c.Name == name);
        Assert.Equal((ColumnType.Categorical, ColumnRole.Id, true), (Column("account_id").Type, Column("account_id").Role, Column("account_id").Unique));
        Assert.Equal((ColumnType.Categorical, ColumnRole.Feature, false), (Column("order_id").Type, Column("order_id").Role, Column("order_id").Unique));
        Assert.Equal((ColumnType.Integer, 1000.0, 2999.0), (Column("count").Type, Column("count").Min!.Value, Column("count").Max!.Value));
        Assert.Equal((ColumnType.Numeric, 0.0, 2498.75), (Column("amount").Type, Column("amount").Min!.Value, Column("amount").Max!.Value));
        Assert.Equal((ColumnType.Numeric, -7.0, 1000.0), (Column("mixed").Type, Column("mixed").Min!.Value, Column("mixed").Max!.Value));
        Assert.Equal((ColumnType.Text, null), (Column("city").Type, Column("city").AllowedValues));
        Assert.Equal((ColumnType.Integer, 0.0, 1.0), (Column("code").Type, Column("code").Min!.Value, Column("code").Max!.Value));
        Assert.Equal(ColumnType.Boolean, Column("member").Type);
    }

    [Fact]
    public void An_unknown_label_column_is_an_error_listing_the_columns()
    {
        var path = directory.Write("data.csv", "a,b\n1,2\n");

        var error = Assert.Throws<DataFormatException>(() => SchemaInference.Infer(path, labelColumn: "target"));

        Assert.Contains("the label column 'target' is not in the data; its columns are a, b", error.Message);
    }

    [Fact]
    public void The_inferred_schema_of_the_sample_data_accepts_that_data()
    {
        var sample = RepositoryRoot.File("data", "loans.csv");
        var schema = SchemaInference.Infer(sample, labelColumn: "defaulted");

        var result = MlopsBuild.Data.Validation.DataCheck.Run(sample, schema,
            new Core.Hashing.ContentHasher(Core.Hashing.HashCache.Load(directory.File("cache.json"))));

        Assert.True(result.Passed, string.Join("\n", result.Anomalies));
    }
}
