using MlopsBuild.Data.Schema;
using MlopsBuild.Learning;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Linear;
using MlopsBuild.Learning.Prediction;
using MlopsBuild.Learning.Training;
using MlopsBuild.Learning.Trees;
using MlopsBuild.Quality.ModelCards;

namespace MlopsBuild.Quality.Tests.ModelCards;

public sealed class FeatureImportanceTableTests
{
    [Fact]
    public void Tree_importance_is_the_gain_share_with_the_split_share_beside_it_top_20_only()
    {
        // Feature f splits f + 1 times with gain 1 each: f24 leads; f0 … f4 fall out of the top 20; f25 never splits.
        var trees = Enumerable.Range(0, 25).SelectMany(f => Enumerable.Repeat(CardInputs.Split(f, gain: 1), f + 1)).ToList();
        var model = Model(new TreeEnsemble(LearningTask.Regression, 26, [0.0], trees), Signature(26));

        var table = FeatureImportanceTable.Of(model)!;

        var totalSplits = 25 * 26 / 2.0;
        Assert.Equal(20, table.Rows.Count);
        Assert.Equal(1, table.Unused);
        Assert.Equal(new FeatureImportanceRow("f24", 25 / totalSplits, 25, 25 / totalSplits), table.Rows[0]);
        Assert.Equal("f5", table.Rows[^1].Feature);
        Assert.StartsWith("gain", table.Measure);
    }

    [Fact]
    public void Linear_importance_sums_weights_over_classes_and_takes_a_categorical_features_largest_category()
    {
        var signature = new ModelSignature(
            [new InputColumn("x", ColumnType.Numeric, []), new InputColumn("colour", ColumnType.Categorical, ["red", "blue"]), new InputColumn("unused", ColumnType.Numeric, [])],
            "y", ColumnType.Categorical, ["a", "b", "c"]);
        var linear = new LinearModel(LearningTask.MulticlassClassification, signature.Features(), [0, 0, 0],
        [
            new LinearTerm(0, 0, 1, [1, -1, 0]),       // |1| + |−1| + 0 = 2
            new LinearTerm(1, 0, 1, [1, 1, 1, 0, -6, 0]), // red 3, blue 6: 6
        ]);

        var table = FeatureImportanceTable.Of(Model(linear, signature))!;

        Assert.Equal([new("colour", 0.75, null, null), new FeatureImportanceRow("x", 0.25, null, null)], table.Rows);
        Assert.Equal(1, table.Unused);
        Assert.StartsWith("|weight|", table.Measure);
    }

    static ModelSignature Signature(int features) => new(
        Enumerable.Range(0, features).Select(f => new InputColumn($"f{f}", ColumnType.Numeric, [])).ToArray(), "y", ColumnType.Numeric, []);

    static TrainedModel Model(Predictor predictor, ModelSignature signature) =>
        new(signature, predictor, new TrainingMetadata("test", new Dictionary<string, string>(), 1, "sha256:00", 10));
}
