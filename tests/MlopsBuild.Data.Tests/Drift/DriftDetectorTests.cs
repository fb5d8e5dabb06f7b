using MlopsBuild.Data.Drift;
using MlopsBuild.Data.Schema;
using MlopsBuild.Data.Statistics;
using MlopsBuild.Data.Tests.Statistics;

namespace MlopsBuild.Data.Tests.Drift;

public sealed class DriftDetectorTests
{
    static ColumnStatistics Numeric(string name, IEnumerable<double> values)
    {
        var accumulator = new NumericAccumulator();
        foreach (var value in values) accumulator.Add(value);
        return new ColumnStatistics(name, ColumnType.Numeric, ColumnRole.Feature, accumulator.Summarize(), null);
    }

    static ColumnStatistics Categorical(string name, params (string Value, int Count)[] counts)
    {
        var accumulator = new CategoricalAccumulator();
        foreach (var (value, count) in counts)
            for (var i = 0; i < count; i++) accumulator.Add(value);
        return new ColumnStatistics(name, ColumnType.Categorical, ColumnRole.Feature, null, accumulator.Summarize());
    }

    static readonly DatasetStatistics Reference = new(10_000,
    [
        Numeric("age", RandomSamples.Normal(10_000, 40, 10, seed: 30)),
        Numeric("income", RandomSamples.LogNormal(10_000, seed: 31)),
        Categorical("region", ("north", 5_000), ("south", 5_000)),
        Categorical("customer_id", ("c1", 1), ("c2", 1)),
        Categorical("comment", ("fine", 3)),
        Numeric("only_in_reference", [1, 2, 3]),
        Numeric("now_always_missing", [1, 2, 3]),
        Numeric("label", RandomSamples.Uniform(10_000, 0, 1, seed: 32)),
    ]);

    // age shifts by a tenth of its deviation; income does not move; region moves 8 points; the label flips.
    static readonly DatasetStatistics Current = new(10_000,
    [
        Numeric("age", RandomSamples.Normal(10_000, 41, 10, seed: 33)),
        Numeric("income", RandomSamples.LogNormal(10_000, seed: 34)),
        Categorical("region", ("north", 5_800), ("south", 4_200)),
        Categorical("customer_id", ("c3", 1)),
        Categorical("comment", ("bad", 3)),
        Numeric("now_always_missing", []),
        Numeric("label", RandomSamples.Uniform(10_000, 0.5, 1.5, seed: 35)),
    ]);

    static DatasetSchema Schema(DriftThresholds? ageDrift = null, double driftShare = 0.3) => new()
    {
        Columns =
        [
            new ColumnSchema { Name = "age", Type = ColumnType.Numeric, Drift = ageDrift },
            new ColumnSchema { Name = "income", Type = ColumnType.Numeric },
            new ColumnSchema { Name = "region", Type = ColumnType.Categorical },
            new ColumnSchema { Name = "customer_id", Type = ColumnType.Categorical, Role = ColumnRole.Id },
            new ColumnSchema { Name = "comment", Type = ColumnType.Text },
            new ColumnSchema { Name = "only_in_reference", Type = ColumnType.Numeric },
            new ColumnSchema { Name = "now_always_missing", Type = ColumnType.Numeric },
            new ColumnSchema { Name = "ignored", Type = ColumnType.Numeric, Role = ColumnRole.Ignored },
            new ColumnSchema { Name = "label", Type = ColumnType.Numeric, Role = ColumnRole.Label },
        ],
        Drift = new DriftThresholds { LInfinity = 0.05 },
        DriftShare = driftShare,
    };

    [Fact]
    public void Feature_and_label_columns_are_measured_with_the_measures_of_their_type()
    {
        var report = DriftDetector.Compare(Reference, Current, Schema());

        Assert.Equal(["age", "income", "region", "label"], report.Columns.Select(column => column.Column));
        Assert.Equal(["psi", "ks"], report.Columns[0].Measures.Select(measure => measure.Name));
        Assert.Equal(["jensen_shannon", "l_infinity"], report.Columns[2].Measures.Select(measure => measure.Name));
        Assert.Equal(4, report.ComparedColumns);
    }

    [Fact]
    public void Id_ignored_and_text_columns_and_columns_without_values_on_one_side_are_not_compared()
    {
        var report = DriftDetector.Compare(Reference, Current, Schema());

        Assert.Equal(["customer_id", "comment", "only_in_reference", "now_always_missing", "ignored"], report.NotCompared);
    }

    [Fact]
    public void Thresholds_come_from_the_column_else_from_the_schema()
    {
        var report = DriftDetector.Compare(Reference, Current, Schema(ageDrift: new DriftThresholds { KolmogorovSmirnov = 0.01 }));

        var age = report.Columns.Single(column => column.Column == "age");
        Assert.Equal(0.01, age.Measures.Single(measure => measure.Name == "ks").Threshold);
        Assert.True(age.Drifted);
        var region = report.Columns.Single(column => column.Column == "region");
        Assert.Equal(0.05, region.Measures.Single(measure => measure.Name == "l_infinity").Threshold);
        Assert.Equal(0.08, region.Measures.Single(measure => measure.Name == "l_infinity").Value, 1e-12);
        Assert.True(region.Drifted);
        Assert.False(report.Columns.Single(column => column.Column == "income").Drifted);
    }

    [Fact]
    public void With_default_thresholds_a_small_shift_does_not_drift()
    {
        var report = DriftDetector.Compare(Reference, Current, Schema());

        Assert.False(report.Columns.Single(column => column.Column == "age").Drifted);
        Assert.Equal(["region", "label"], report.Columns.Where(column => column.Drifted).Select(column => column.Column));
    }

    [Theory]
    [InlineData(0.3, true)]   // 2 of 4 columns: 0.5 > 0.3
    [InlineData(0.5, false)]  // 0.5 is not above 0.5
    public void The_dataset_drifts_when_the_share_of_drifted_columns_is_above_the_schema_share(double driftShare, bool datasetDrifted)
    {
        var report = DriftDetector.Compare(Reference, Current, Schema(driftShare: driftShare));

        Assert.Equal((2, 0.5, driftShare, datasetDrifted), (report.DriftedColumns, report.DriftedShare, report.ShareThreshold, report.DatasetDrifted));
    }

    [Fact]
    public void Statistics_compared_with_themselves_do_not_drift()
    {
        var report = DriftDetector.Compare(Reference, Reference, Schema());

        Assert.Equal(0, report.DriftedColumns);
        Assert.All(report.Columns.SelectMany(column => column.Measures), measure => Assert.Equal(0, measure.Value));
        Assert.False(report.DatasetDrifted);
    }
}
