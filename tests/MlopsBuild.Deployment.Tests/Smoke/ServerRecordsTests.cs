using MlopsBuild.Data.Schema;
using MlopsBuild.Deployment.Smoke;
using MlopsBuild.Learning.Features;

namespace MlopsBuild.Deployment.Tests.Smoke;

public class ServerRecordsTests
{
    static readonly ModelSignature Signature = new(
    [
        new InputColumn("income", ColumnType.Numeric, []),
        new InputColumn("age", ColumnType.Integer, []),
        new InputColumn("owner", ColumnType.Boolean, []),
        new InputColumn("region", ColumnType.Categorical, ["north", "south"]),
        new InputColumn("applied", ColumnType.DateTime, []),
    ], "defaulted", ColumnType.Boolean, ["false", "true"]);

    [Fact]
    public void Each_value_is_sent_as_a_client_would_write_it_and_missing_ones_as_null()
    {
        var rows = new FeatureMatrix(Signature.Features(),
        [
            [1234.56f, float.NaN],
            [42f, 18f],
            [1f, 0f],
            [1f, float.NaN],
            [1_700_000_000f, float.NaN],
        ]);

        var records = ServerRecords.Of(Signature, rows);

        Assert.Equal("""{"income":1234.56,"age":42,"owner":true,"region":"south","applied":"2023-11-14T22:13:20Z"}""", records[0].ToJsonString());
        Assert.Equal("""{"income":null,"age":18,"owner":false,"region":null,"applied":null}""", records[1].ToJsonString());
    }

    [Fact]
    public void Every_sent_number_reads_back_as_the_same_float_feature_through_the_featurizer()
    {
        var featurizer = new Featurizer(Signature);
        var values = new[] { 0.1f, 1e-7f, 3.4028235e38f, -123.456f, 16777217f, float.Epsilon };
        var rows = new FeatureMatrix(Signature.Features(),
            [values, values.Select(_ => 1f).ToArray(), values.Select(_ => 0f).ToArray(), values.Select(_ => 0f).ToArray(), values.Select(_ => float.NaN).ToArray()]);

        var records = ServerRecords.Of(Signature, rows);

        for (var row = 0; row < values.Length; row++)
        {
            Assert.True(featurizer.TryFeaturize(0, records[row]["income"]!.ToJsonString(), out var parsed));
            Assert.Equal(values[row], parsed);
        }
    }
}
