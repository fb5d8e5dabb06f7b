using MlopsBuild.Data.Schema;
using MlopsBuild.Learning;
using MlopsBuild.Learning.Features;
using MlopsBuild.Quality.Gates;

namespace MlopsBuild.Quality.Tests.Gates;

public sealed class ChampionGateTests
{
    static readonly TrainedModel Strong = GateData.Linear(GateData.Binary, x: 2.5, south: 0.5);
    static readonly TrainedModel Noisy = GateData.Linear(GateData.Binary, x: 2.5, noise: 0.8);

    static CheckResult Compare(TrainedModel candidate, TrainedModel? champion, double by) =>
        Assert.Single(QualityGates.Evaluate(GateData.Context(candidate) with { Champion = champion }, Metric.AucRoc.NoWorseThanChampion(by)).Checks);

    [Fact]
    public void Without_a_champion_the_comparison_passes()
    {
        var check = Compare(Noisy, null, 0);
        Assert.True(check.Passed);
        Assert.Equal("no champion yet", check.Reason);
        Assert.Equal(CheckKinds.Champion, check.Kind);
    }

    [Fact]
    public void A_better_candidate_passes()
    {
        var check = Compare(Strong, Noisy, 0);
        Assert.True(check.Passed, check.Reason);
        Assert.Contains("better", check.Reason);
    }

    [Fact]
    public void A_worse_candidate_passes_within_the_tolerance_and_fails_beyond_it()
    {
        var regression = Compare(Strong, null, 0).Actual!.Value - Compare(Noisy, null, 0).Actual!.Value;
        Assert.True(regression > 0.005, $"the noisy model should be clearly worse, it is by {regression}");

        var within = Compare(Noisy, Strong, by: regression * 1.5);
        Assert.True(within.Passed, within.Reason);
        Assert.Contains("worse, within the tolerance", within.Reason);

        var beyond = Compare(Noisy, Strong, by: regression / 2);
        Assert.False(beyond.Passed, beyond.Reason);
        Assert.Contains("worse, beyond the tolerance", beyond.Reason);
        Assert.Equal(Compare(Strong, null, 0).Actual!.Value - regression / 2, beyond.Expected!.Value, 12);
    }

    [Fact]
    public void For_a_lower_is_better_metric_a_rise_is_the_regression()
    {
        var context = GateData.Context(Noisy) with { Champion = Strong };
        var check = Assert.Single(QualityGates.Evaluate(context, Metric.LogLoss.NoWorseThanChampion(0.001)).Checks);
        Assert.False(check.Passed, check.Reason);
        Assert.True(check.Actual > check.Expected);
    }

    [Fact]
    public void Every_metric_of_the_task_is_compared_when_none_is_named()
    {
        var report = QualityGates.Evaluate(GateData.Context(Strong) with { Champion = Strong }, QualityGates.NoMetricWorseThanChampion(0));
        Assert.Equal(7, report.Checks.Count);
        Assert.All(report.Checks, c => Assert.Contains("the same", c.Reason));
        Assert.True(report.Passed);
    }

    [Fact]
    public void A_champion_reading_fewer_columns_with_categories_in_another_order_scores_the_same_rows()
    {
        // The champion reads only x and region, and knows region's categories in reverse order: matched by name and
        // text, it must give exactly the candidate's predictions, so the comparison shows "the same".
        var regionReversed = new InputColumn("region", ColumnType.Categorical, ["rare", "east", "south", "north"]);
        var signature = GateData.Binary.Signature with { Inputs = [regionReversed, new InputColumn("x", ColumnType.Numeric, [])] };
        var champion = GateData.Linear(signature, LearningTask.BinaryClassification, x: 2.5, south: 0.5);
        var check = Compare(Strong, champion, 0);
        Assert.True(check.Passed, check.Reason);
        Assert.Contains("the same", check.Reason);
    }

    [Fact]
    public void A_champion_for_another_label_is_not_comparable_and_fails()
    {
        var champion = GateData.Linear(GateData.Binary.Signature with { Label = "repaid" }, LearningTask.BinaryClassification, x: 1);
        var check = Compare(Strong, champion, 1);
        Assert.False(check.Passed);
        Assert.Contains("not comparable", check.Reason);
        Assert.Contains("'repaid'", check.Reason);
    }

    [Fact]
    public void A_champion_needing_a_column_the_data_lacks_fails_with_the_column()
    {
        var signature = GateData.Binary.Signature with { Inputs = [.. GateData.Binary.Signature.Inputs, new InputColumn("salary", ColumnType.Numeric, [])] };
        var check = Compare(Strong, GateData.Linear(signature, LearningTask.BinaryClassification, x: 1), 1);
        Assert.False(check.Passed);
        Assert.Contains("'salary'", check.Reason);
    }
}
