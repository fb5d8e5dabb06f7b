using MlopsBuild.Data.Schema;
using MlopsBuild.Learning;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Training;
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

    [Fact]
    public void A_champion_split_with_another_seed_is_compared_on_the_rows_both_held_out_only()
    {
        var candidateSplit = new SplitOptions { Seed = 1, TestFraction = 0.5, ValidationFraction = 0.1 };
        var championSplit = candidateSplit with { Seed = 2 };
        var candidateTest = DataSplit.Create(GateData.Binary, candidateSplit).Test;
        var shared = candidateTest.Intersect(DataSplit.Create(GateData.Binary, championSplit).Test).Order().ToArray();
        Assert.InRange(shared.Length, ChampionRows.Minimum, candidateTest.Length - 1);

        var check = Assert.Single(QualityGates.Evaluate(
            new GateContext(WithSplit(Noisy, candidateSplit), GateData.Binary, candidateTest, ".") { Champion = WithSplit(Strong, championSplit) },
            Metric.AucRoc.NoWorseThanChampion(1)).Checks);

        // The same comparison made by hand on the shared rows (a champion without a recorded split is scored on every test row given).
        var onSharedRows = Assert.Single(QualityGates.Evaluate(
            new GateContext(Noisy, GateData.Binary, shared, ".") { Champion = Strong }, Metric.AucRoc.NoWorseThanChampion(1)).Checks);
        Assert.Contains($"on the {shared.Length} of the candidate's {candidateTest.Length} test rows that the champion did not learn from either", check.Reason);
        Assert.Equal(onSharedRows.Actual, check.Actual);
        Assert.Equal(onSharedRows.Expected, check.Expected);
    }

    [Fact]
    public void The_same_split_compares_on_all_the_test_rows()
    {
        var split = new SplitOptions { Seed = 5, TestFraction = 0.3 };
        var test = DataSplit.Create(GateData.Binary, split).Test;

        var check = Assert.Single(QualityGates.Evaluate(
            new GateContext(WithSplit(Noisy, split), GateData.Binary, test, ".") { Champion = WithSplit(Strong, split) },
            Metric.AucRoc.NoWorseThanChampion(1)).Checks);

        Assert.EndsWith($"on the same {test.Length} test rows", check.Reason);
    }

    [Fact]
    public void Too_few_rows_held_out_from_both_fail_saying_to_train_with_the_champions_split()
    {
        var candidateSplit = new SplitOptions { Seed = 1, TestFraction = 0.1, ValidationFraction = 0.1 };
        var test = DataSplit.Create(GateData.Binary, candidateSplit).Test;

        var check = Assert.Single(QualityGates.Evaluate(
            new GateContext(WithSplit(Strong, candidateSplit), GateData.Binary, test, ".") { Champion = WithSplit(Strong, candidateSplit with { Seed = 2 }) },
            Metric.AucRoc.NoWorseThanChampion(1)).Checks);

        Assert.False(check.Passed);
        Assert.Contains($"of the candidate's {test.Length} test rows were held out from the champion too (at least {ChampionRows.Minimum} are needed)", check.Reason);
        Assert.Contains("train the candidate with the champion's split (its --seed", check.Reason);
    }

    [Fact]
    public void A_champion_trained_on_other_data_split_by_row_number_is_scored_on_every_test_row_saying_so()
    {
        var split = new SplitOptions { Seed = 1, TestFraction = 0.3 };
        var test = DataSplit.Create(GateData.Binary, split).Test;
        var champion = WithSplit(Strong, split with { Seed = 2 }, dataFingerprint: "sha256:older-data");

        var check = Assert.Single(QualityGates.Evaluate(
            new GateContext(WithSplit(Noisy, split), GateData.Binary, test, ".") { Champion = champion }, Metric.AucRoc.NoWorseThanChampion(1)).Checks);

        Assert.Contains($"on the candidate's {test.Length} test rows (the champion was trained on other data and split by row number", check.Reason);
    }

    /// <summary>The model with a split recorded in its metadata, as Train records it.</summary>
    static TrainedModel WithSplit(TrainedModel model, SplitOptions split, string dataFingerprint = "sha256:test")
    {
        var parameters = new Dictionary<string, string>(model.Metadata.Parameters);
        SplitParameters.Write(split, parameters);
        return new TrainedModel(model.Signature, model.Predictor, model.Metadata with { Parameters = parameters, DataFingerprint = dataFingerprint });
    }
}
