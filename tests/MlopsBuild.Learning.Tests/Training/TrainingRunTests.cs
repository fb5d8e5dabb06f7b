using System.Text.Json;
using MlopsBuild.Data.Schema;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Prediction;
using MlopsBuild.Learning.Reports;
using MlopsBuild.Learning.Training;
using MlopsBuild.Testing;

namespace MlopsBuild.Learning.Tests.Training;

public class TrainingRunTests
{
    /// <summary>A "trainer" whose model scores a row by its feature alone: the run around it is what is tested.</summary>
    sealed class FeatureAsScore : ITrainer
    {
        public string Name => "identity";
        public IReadOnlyDictionary<string, string> Parameters { get; } = new Dictionary<string, string> { ["scale"] = "1" };
        public ulong Seed => 3;
        public int TrainingRows { get; private set; }

        public Predictor Fit(TrainingData train, TrainingData? validation, Action<string>? log = null)
        {
            TrainingRows = train.RowCount;
            return new Identity();
        }

        sealed class Identity() : Predictor(LearningTask.BinaryClassification, 1, 1)
        {
            public override void Score(ReadOnlySpan<float> features, Span<double> scores) => scores[0] = features[0];
        }
    }

    static TabularDataset Dataset()
    {
        // x > 0 exactly when the label is 1: the identity model ranks every row right.
        var x = Enumerable.Range(0, 2_000).Select(i => (i % 2 == 0 ? 1f : -1f) * (1 + i % 7)).ToArray();
        var labels = x.Select(v => v > 0 ? 1f : 0f).ToArray();
        var signature = new ModelSignature([new InputColumn("x", ColumnType.Numeric, [])], "y", ColumnType.Boolean, ["false", "true"]);
        var data = new TrainingData(new FeatureMatrix(signature.Features(), [x]), labels, LearningTask.BinaryClassification, 2);
        return new TabularDataset(signature, data, null, null, []);
    }

    [Fact]
    public void Fits_on_the_training_rows_only_and_evaluates_on_the_held_out_ones()
    {
        var trainer = new FeatureAsScore();
        var result = TrainingRun.Run(Dataset(), trainer, new SplitOptions { TestFraction = 0.25, ValidationFraction = 0.1 }, "sha256:abc");

        Assert.Equal(result.Split.Train.Length, trainer.TrainingRows);
        Assert.Equal(result.Split.Test.Length, result.Test.Rows);
        Assert.Equal(1.0, result.Test.Binary!.AucRoc);
        Assert.Equal(1.0, result.Validation!.Binary!.Accuracy);
        var metadata = result.Model.Metadata;
        Assert.Equal("identity", metadata.Trainer);
        Assert.Equal("sha256:abc", metadata.DataFingerprint);
        Assert.Equal(result.Split.Train.Length, metadata.TrainingRows);
        Assert.Equal(["scale", "split.by_id", "split.seed", "split.test_fraction", "split.validation_fraction"], metadata.Parameters.Keys);
        Assert.Equal("0.25", metadata.Parameters["split.test_fraction"]);
    }

    [Fact]
    public void The_reports_hold_the_metrics_and_are_the_same_bytes_for_the_same_inputs()
    {
        using var folder = new TemporaryDirectory();
        var result = TrainingRun.Run(Dataset(), new FeatureAsScore(), new SplitOptions(), "sha256:abc");
        TrainingReport.WriteAll(result, folder.Path);
        var again = TrainingRun.Run(Dataset(), new FeatureAsScore(), new SplitOptions(), "sha256:abc");

        var json = File.ReadAllBytes(folder.File(TrainingReport.JsonFile));
        Assert.Equal(json, TrainingReport.Json(again));
        using var document = JsonDocument.Parse(json);
        var test = document.RootElement.GetProperty("test");
        Assert.Equal(1.0, test.GetProperty("auc_roc").GetDouble());
        Assert.Equal(result.Split.Test.Length, test.GetProperty("rows").GetInt32());
        Assert.Equal(result.Test.Binary!.TruePositives, test.GetProperty("confusion").GetProperty("true_positives").GetInt64());
        var markdown = File.ReadAllText(folder.File(TrainingReport.MarkdownFile));
        Assert.Contains("| auc_roc | 1 | 1 |", markdown);
        Assert.Contains("| split.seed | 42 |", markdown);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_threshold_that_is_not_a_probability_is_an_error_before_fitting(double threshold)
    {
        var trainer = new FeatureAsScore();
        var error = Assert.Throws<TrainingException>(() => TrainingRun.Run(Dataset(), trainer, new SplitOptions(), "x", threshold));
        Assert.Contains("must be a probability between 0 and 1", error.Message);
        Assert.Equal(0, trainer.TrainingRows);
    }

    [Fact]
    public void The_split_read_back_from_the_metadata_gives_the_same_test_rows()
    {
        var dataset = Dataset();
        var options = new SplitOptions { TestFraction = 0.3, ValidationFraction = 0.05, Seed = 99 };
        var result = TrainingRun.Run(dataset, new FeatureAsScore(), options, "x");

        var again = DataSplit.Create(dataset, SplitParameters.Read(result.Model.Metadata));

        Assert.Equal(result.Split.Test, again.Test);
        Assert.Equal(options, SplitParameters.Read(result.Model.Metadata));
    }
}
