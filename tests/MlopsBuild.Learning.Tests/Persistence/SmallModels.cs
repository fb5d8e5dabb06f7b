using System.Buffers;
using System.Text;
using MlopsBuild.Data.Schema;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Linear;
using MlopsBuild.Learning.Persistence;
using MlopsBuild.Learning.Training;
using MlopsBuild.Learning.Trees;

namespace MlopsBuild.Learning.Tests.Persistence;

/// <summary>
/// Small models whose values are easy to follow, and a writer that skips the save-time checks, so tests can forge
/// files that have a valid checksum but break a rule.
/// </summary>
internal static class SmallModels
{
    public static readonly ModelSignature Signature = new(
        [
            new InputColumn("income", ColumnType.Numeric, []),
            new InputColumn("region", ColumnType.Categorical, ["north", "south", "east", "west", "café"]),
            new InputColumn("member", ColumnType.Boolean, []),
        ],
        "approved", ColumnType.Boolean, ["no", "yes"]);

    public static readonly TrainingMetadata Metadata = new(
        "gbdt", new Dictionary<string, string> { ["learning_rate"] = "0.5" }, Seed: 7, DataFingerprint: "sha256:feed", TrainingRows: 1000);

    /// <summary>
    /// Base score −0.5 plus two trees. Tree 0: income ≤ 50000 (missing: left) → region in {south, west} (missing:
    /// right) ? 0.5 : −0.25; else member ≤ 0.5 (missing: right) ? 0.125 : 1.0. Tree 1: 0.0625 for every row.
    /// </summary>
    public static TrainedModel Trees() => new(Signature, new TreeEnsemble(LearningTask.BinaryClassification, 3, [-0.5], [SplitTree(), LeafTree(0.0625)]), Metadata);

    public static RegressionTree SplitTree() => new(
        feature: [0, 1, 2],
        threshold: [50000f, 0f, 0.5f],
        defaultLeft: [true, false, false],
        left: [1, ~0, ~2],
        right: [2, ~1, ~3],
        categoryStart: [0, 0, 0],
        categoryLength: [0, 1, 0],
        categoryBits: [(1u << 1) | (1u << 3)],
        gain: [10, 4, 2],
        leafValue: [0.5, -0.25, 0.125, 1.0]);

    public static RegressionTree LeafTree(double value) => new([], [], [], [], [], [], [], [], [], [value]);

    /// <summary>
    /// Three classes: intercepts [0.25, 0, −0.25]; income standardised by mean 40 and scale 10, weights [0.5, −0.25,
    /// 0.125]; region one-hot, weights per category [c, −c/2, 0] for c = 1, 2, …; member unused.
    /// </summary>
    public static TrainedModel Linear()
    {
        var signature = Signature with { LabelType = ColumnType.Categorical, ClassNames = ["low", "mid", "high"] };
        var regionWeights = Enumerable.Range(1, 5).SelectMany(c => new[] { c, -c / 2.0, 0 }).ToArray();
        LinearTerm[] terms = [new(0, 40, 10, [0.5, -0.25, 0.125]), new(1, 0, 1, regionWeights)];
        return new TrainedModel(signature, new LinearModel(LearningTask.MulticlassClassification, signature.Features(), [0.25, 0, -0.25], terms),
            Metadata with { Trainer = "linear" });
    }

    /// <summary>The file for a model, written without the checks <see cref="ModelFile.ToBytes"/> makes.</summary>
    public static byte[] Unchecked(TrainedModel model) => Unchecked(model, header => header);

    /// <summary>The same, with the header's JSON text edited first.</summary>
    public static byte[] Unchecked(TrainedModel model, Func<string, string> editHeader)
    {
        var info = new ModelFileInfo(
            FormatVersion: 1, model.Task, model.Predictor is TreeEnsemble ? PredictorKind.TreeEnsemble : PredictorKind.Linear,
            model.Predictor.ScoreCount, (model.Predictor as TreeEnsemble)?.Trees.Count ?? 0, (model.Predictor as LinearModel)?.Terms.Count ?? 0,
            model.Signature, model.Metadata);
        var header = Encoding.UTF8.GetBytes(editHeader(Encoding.UTF8.GetString(HeaderWriter.Write(info))));
        return ModelEnvelope.Write(header, Body(model));
    }

    public static byte[] Body(TrainedModel model)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new LittleEndianWriter(buffer);
        if (model.Predictor is TreeEnsemble ensemble) TreeEnsembleSection.Write(writer, ensemble);
        else LinearModelSection.Write(writer, (LinearModel)model.Predictor);
        return buffer.WrittenSpan.ToArray();
    }

    public static TrainedModel WithTrees(params RegressionTree[] trees) =>
        new(Signature, new TreeEnsemble(LearningTask.BinaryClassification, 3, [-0.5], trees), Metadata);

    public static TrainedModel WithTerms(double[] intercepts, params LinearTerm[] terms)
    {
        var linear = Linear();
        return new TrainedModel(linear.Signature, new LinearModel(linear.Task, linear.Signature.Features(), intercepts, terms), linear.Metadata);
    }
}
