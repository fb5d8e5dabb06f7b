using MlopsBuild.Data.Fingerprints;
using MlopsBuild.Data.Schema;
using MlopsBuild.Data.Validation;
using MlopsBuild.Engine;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Learning.Linear;
using MlopsBuild.Learning.Persistence;
using MlopsBuild.Learning.Reports;
using MlopsBuild.Learning.Training;
using MlopsBuild.Learning.Trees;

/// <summary>The training stage: fits a model on the validated data and reports its held-out metrics.</summary>
partial class Build
{
    [Parameter("Trainer: gbdt (gradient-boosted trees) or linear (logistic/linear regression)")]
    readonly Trainer Trainer = Trainer.Gbdt;

    [Parameter("gbdt: boosting rounds (trees per class)")]
    readonly int Trees = 100;

    [Parameter("gbdt: shrinkage applied to every tree")]
    readonly double LearningRate = 0.1;

    [Parameter("gbdt: most leaves per tree")]
    readonly int MaxLeaves = 31;

    [Parameter("gbdt: deepest a tree may grow (0: unlimited, the leaf limit decides)")]
    readonly int MaxDepth = 0;

    [Parameter("gbdt: fewest training rows in a leaf")]
    readonly int MinSamplesPerLeaf = 20;

    [Parameter("gbdt: most histogram bins per feature (2-255)")]
    readonly int MaxBins = 255;

    [Parameter("gbdt: share of rows each tree sees (0-1]")]
    readonly double RowSubsample = 1.0;

    [Parameter("gbdt: share of features each tree sees (0-1]")]
    readonly double FeatureSubsample = 1.0;

    [Parameter("gbdt: stop when the validation loss has not improved for this many rounds (0: off)")]
    readonly int EarlyStoppingRounds = 10;

    [Parameter("L2 regularisation: on leaf values (gbdt, default 1) or on standardised weights per row (linear, default 1e-4)")]
    readonly double? L2 = null;

    [Parameter("linear: most L-BFGS iterations")]
    readonly int MaxIterations = 200;

    [Parameter("Seed of the split and of the trainer's sampling")]
    readonly ulong Seed = 42;

    [Parameter("Share of rows held out for the test metrics")]
    readonly double TestFraction = 0.2;

    [Parameter("Share of rows held out for early stopping")]
    readonly double ValidationFraction = 0.1;

    [Parameter("Split by a hash of the id column instead of the row number (a row keeps its side as data grows)")]
    readonly bool SplitById = false;

    [Parameter("Binary classification: the probability from which a row counts as positive in the metrics")]
    readonly double Threshold = 0.5;

    static AbsolutePath ModelDirectory => ArtifactsDirectory / "model";
    static AbsolutePath ModelFilePath => ModelDirectory / "model.mlmodel";

    Target Train => _ => _
        .Description("Trains a model on the data and writes it with its held-out metrics to artifacts/model")
        .DependsOn(ValidateData)
        .Inputs(Data, Schema, Value(Trainer), Value(Trees), Value(LearningRate), Value(MaxLeaves), Value(MaxDepth),
            Value(MinSamplesPerLeaf), Value(MaxBins), Value(RowSubsample), Value(FeatureSubsample), Value(EarlyStoppingRounds),
            Value(L2), Value(MaxIterations), Value(Seed), Value(TestFraction), Value(ValidationFraction), Value(SplitById),
            Value(Threshold))
        .Outputs(ModelFilePath, ModelDirectory / TrainingReport.JsonFile, ModelDirectory / TrainingReport.MarkdownFile)
        .Executes(() => FailClearly(() =>
        {
            using var training = Progress("Training");
            // Parameters are checked first, so that a mistake fails before the data is read.
            var trainer = CreateTrainer(step => training.Report(step.Completed, step.Total, step.ToString()));
            var split = new SplitOptions { TestFraction = TestFraction, ValidationFraction = ValidationFraction, Seed = Seed, ById = SplitById };
            split.Validate();
            var dataset = TabularDatasetLoader.Load(Data, SchemaFile.Load(Schema));
            var result = TrainingRun.Run(dataset, trainer, split, DataFingerprint(), Threshold, Console.WriteLine);
            ModelFile.Save(result.Model, ModelFilePath);
            TrainingReport.WriteAll(result, ModelDirectory);
            ReportSection("Training", TrainingReport.Markdown(result));
            Console.WriteLine($"Fitted in {result.FitTime.TotalSeconds:F2} s. Test: {TrainingReport.Headline(result.Test)}");
            Note("model", Display(ModelFilePath));
            Note("test", TrainingReport.Headline(result.Test));
        }));

    ITrainer CreateTrainer(Action<TrainingProgress> progress) => Trainer switch
    {
        Trainer.Linear => new LinearTrainer(new LinearOptions { L2 = L2 ?? new LinearOptions().L2, MaxIterations = MaxIterations, Seed = Seed, Progress = progress }),
        _ => new GbdtTrainer(new GbdtOptions
        {
            Trees = Trees, LearningRate = LearningRate, MaxLeaves = MaxLeaves, MaxDepth = MaxDepth,
            MinSamplesPerLeaf = MinSamplesPerLeaf, MaxBins = MaxBins, RowSubsample = RowSubsample,
            FeatureSubsample = FeatureSubsample, EarlyStoppingRounds = EarlyStoppingRounds, L2 = L2 ?? new GbdtOptions().L2, Seed = Seed,
            Progress = progress,
        }),
    };

    /// <summary>The data's content hash, as ValidateData records it (the hash cache makes this cheap after it ran).</summary>
    string DataFingerprint() => Hashing(hasher => DatasetFingerprint.Of(DatasetFingerprint.Files(DatasetFiles.Resolve(Data), hasher)));
}
