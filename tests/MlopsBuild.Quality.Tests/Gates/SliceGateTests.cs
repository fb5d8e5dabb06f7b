using MlopsBuild.Learning.Evaluation;
using MlopsBuild.Quality.Gates;
using static MlopsBuild.Quality.Gates.QualityGates;

namespace MlopsBuild.Quality.Tests.Gates;

public sealed class SliceGateTests
{
    static readonly GateContext Context = GateData.Context(GateData.Linear(GateData.Binary, x: 2.5, south: 0.5));

    static int[] TestRowsIn(int region) => GateData.TestRows.Where(row => GateData.Binary.Data.Features.Columns[2][row] == region).ToArray();

    [Fact]
    public void Every_value_is_a_slice_measured_on_its_own_test_rows_and_a_small_one_is_skipped_not_dropped()
    {
        var report = Evaluate(Context, Slice("region").Each(Metric.AucRoc >= 0.7));

        Assert.Equal(["region=north: auc_roc ≥ 0.7", "region=south: auc_roc ≥ 0.7", "region=east: auc_roc ≥ 0.7", "region=rare: auc_roc ≥ 0.7"],
            report.Checks.Select(c => c.Name));
        Assert.True(report.Passed);
        var south = TestRowsIn(1);
        var expected = ModelEvaluation.Of(Context.Candidate.Predictor, GateData.Binary.Data.Select(south)).Binary!.AucRoc;
        Assert.Equal(expected, report.Checks[1].Actual!.Value, 12);
        Assert.Contains($"on {south.Length} test rows", report.Checks[1].Reason);
        Assert.Equal(new SliceOf("region", "south", south.Length, "auc_roc"), report.Checks[1].Slice);

        var rare = report.Checks[3];
        Assert.InRange(TestRowsIn(3).Length, 1, 29);
        Assert.Null(rare.Actual);
        Assert.Null(rare.Slice);
        Assert.Equal($"skipped: {TestRowsIn(3).Length} test rows, fewer than the 30 a slice needs to be judged", rare.Reason);
    }

    [Fact]
    public void A_slice_below_its_floor_fails()
    {
        var report = Evaluate(Context, Slice("region").Each(Metric.AucRoc >= 0.7, Metric.Accuracy >= 0.99));
        Assert.Equal(8, report.Checks.Count);
        Assert.All(report.Checks.Where(c => c.Name.Contains("auc_roc") && !c.Name.Contains("rare")), c => Assert.True(c.Passed, c.Reason));
        var failures = report.Failures.Select(c => c.Name).ToArray();
        Assert.Equal(["region=north: accuracy ≥ 0.99", "region=south: accuracy ≥ 0.99", "region=east: accuracy ≥ 0.99"], failures);
    }

    [Fact]
    public void The_minimum_slice_size_is_settable()
    {
        var all = Evaluate(Context, Slice("member", minimumRows: GateData.TestRows.Length).Each(Metric.AucRoc >= 0.99));
        Assert.Equal(["member=false: auc_roc ≥ 0.99", "member=true: auc_roc ≥ 0.99"], all.Checks.Select(c => c.Name));
        Assert.All(all.Checks, c => Assert.StartsWith("skipped:", c.Reason));
        Assert.True(all.Passed);

        var judged = Evaluate(Context, Slice("member", minimumRows: 1).Each(Metric.AucRoc >= 0.99));
        Assert.All(judged.Checks, c => Assert.False(c.Passed, c.Reason));
    }

    [Fact]
    public void An_unknown_or_numeric_column_is_a_declaration_error_naming_the_columns_allowed()
    {
        var unknown = Assert.Throws<GateDeclarationException>(() => Evaluate(Context, Slice("regoin").Each(Metric.AucRoc >= 0.8)));
        Assert.Equal("Gate 'per regoin: auc_roc ≥ 0.8': the data has no feature column 'regoin'. Slice by one of region, member. Did you mean 'region'?", unknown.Message);

        var numeric = Assert.Throws<GateDeclarationException>(() => Evaluate(Context, Slice("x").Each(Metric.AucRoc >= 0.8)));
        Assert.Contains("'x' is numeric, and only categorical or boolean feature columns can be sliced. Slice by one of region, member.", numeric.Message);
    }
}
