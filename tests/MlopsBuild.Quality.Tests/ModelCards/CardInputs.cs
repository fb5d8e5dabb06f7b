using MlopsBuild.Data.Schema;
using MlopsBuild.Learning;
using MlopsBuild.Learning.Evaluation;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Linear;
using MlopsBuild.Learning.Metrics;
using MlopsBuild.Learning.Training;
using MlopsBuild.Learning.Trees;
using MlopsBuild.Quality.Gates;
using MlopsBuild.Quality.ModelCards;

namespace MlopsBuild.Quality.Tests.ModelCards;

/// <summary>Hand-built candidates for cards: small models, their test labels and outputs, gates, slices and lineage.</summary>
internal static class CardInputs
{
    /// <summary>A column name and a category that would break a page or a Markdown table if written raw.</summary>
    public const string HostileColumn = "re<gion> & \"zone\" | 'x'";
    public const string HostileCategory = "<script>alert(1)</script>";

    public static readonly GateReport MixedGates = new(
    [
        new("threshold", "auc_roc ≥ 0.7", true, "0.75 ≥ 0.7", 0.75, 0.7),
        new("slice", "region=north: auc_roc ≥ 0.8", false, "0.61 < 0.8 on 4 rows", 0.61, 0.8),
        new("champion", "log_loss no worse than v5 by 0.01", true, "0.52 ≤ 0.61 + 0.01"),
        new("golden", "golden predictions", false, "row 3: 0.91 ≠ approved 0.42"),
    ]);

    /// <summary>
    /// A binary tree model on 8 test rows: outputs (1 − p, p) with p = 0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1 and labels
    /// 1, 1, 0, 1, 0, 1, 0, 0: AUC 0.8125, at threshold 0.5 TP 3, FP 1, TN 3, FN 1.
    /// </summary>
    public static ModelCardInput Binary(GateReport? gates = null, ChampionMetrics? champion = null, string column = "income")
    {
        double[] positive = [0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1];
        float[] labels = [1, 1, 0, 1, 0, 1, 0, 0];
        var outputs = positive.SelectMany(p => new[] { 1 - p, p }).ToArray();
        var evaluation = new ModelEvaluation(labels.Length, BinaryMetrics.Compute(labels, positive), null, null);
        var signature = Signature(column, ["no", "yes"], ColumnType.Categorical);
        var trees = new TreeEnsemble(LearningTask.BinaryClassification, 2, [0.0],
        [
            Split(feature: 0, gain: 3),
            Split(feature: 1, gain: 1),
        ]);
        return Card(new TrainedModel(signature, trees, Metadata("gbdt")), labels, outputs, evaluation, gates, champion);
    }

    /// <summary>A multinomial linear model on 6 test rows of 3 classes ("low", "mid", "high &amp; up").</summary>
    public static ModelCardInput Multiclass()
    {
        float[] labels = [0, 1, 2, 0, 1, 2];
        double[] outputs =
        [
            0.7, 0.2, 0.1,
            0.1, 0.8, 0.1,
            0.2, 0.5, 0.3,
            0.6, 0.3, 0.1,
            0.3, 0.4, 0.3,
            0.1, 0.1, 0.8,
        ];
        var evaluation = new ModelEvaluation(labels.Length, null, MulticlassMetrics.Compute(labels, outputs, 3), null);
        var signature = Signature("income", ["low", "mid", "high & up"], ColumnType.Categorical);
        var linear = new LinearModel(LearningTask.MulticlassClassification, signature.Features(), [0, 0, 0],
        [
            new LinearTerm(0, 0, 1, [1, -2, 0.5]),
            new LinearTerm(1, 0, 0, [0.5, 0.5, 0, 3, -1, 0]),
        ]);
        return Card(new TrainedModel(signature, linear, Metadata("linear")), labels, outputs, evaluation, null, null);
    }

    /// <summary>A regression tree model on <paramref name="rows"/> test rows, predicting label + a small wave.</summary>
    public static ModelCardInput Regression(int rows = 40)
    {
        var labels = Enumerable.Range(0, rows).Select(i => (float)(i * 2.5)).ToArray();
        var outputs = labels.Select((label, i) => label + Math.Sin(i)).ToArray();
        var evaluation = new ModelEvaluation(rows, null, null, RegressionMetrics.Compute(labels, outputs));
        var signature = Signature("income", [], ColumnType.Numeric);
        var trees = new TreeEnsemble(LearningTask.Regression, 2, [10.0], [Split(feature: 0, gain: 5)]);
        return Card(new TrainedModel(signature, trees, Metadata("gbdt")), labels, outputs, evaluation, null, null);
    }

    static ModelCardInput Card(TrainedModel model, float[] labels, double[] outputs, ModelEvaluation evaluation, GateReport? gates, ChampionMetrics? champion) =>
        new("loans", "v7", "rejected", model, labels, outputs, evaluation, gates ?? MixedGates,
            [new("region", "north", 4, MetricNames.AucRoc, 0.61), new("region", "south", 4, MetricNames.AucRoc, 0.9)],
            [new("git commit", "3f2a9c1d"), new("data", "sha256:0123abcd")],
            champion);

    static ModelSignature Signature(string firstColumn, string[] classes, ColumnType labelType) => new(
        [new InputColumn(firstColumn, ColumnType.Numeric, []), new InputColumn("region", ColumnType.Categorical, ["north", "south"])],
        "outcome", labelType, classes);

    static TrainingMetadata Metadata(string trainer) =>
        new(trainer, new Dictionary<string, string> { ["trees"] = "200", ["learning_rate"] = "0.1" }, 42, "sha256:0123abcd", 1000);

    /// <summary>One numeric split of <paramref name="feature"/> at 0, leaves −1 and 1.</summary>
    public static RegressionTree Split(int feature, double gain) =>
        new([feature], [0f], [true], [~0], [~1], [0], [0], [], [gain], [-1, 1]);
}
