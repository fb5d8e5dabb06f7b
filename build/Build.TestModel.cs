using MlopsBuild.Data.Reports;
using MlopsBuild.Data.Schema;
using MlopsBuild.Engine;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Learning;
using MlopsBuild.Learning.Evaluation;
using MlopsBuild.Learning.Persistence;
using MlopsBuild.Learning.Prediction;
using MlopsBuild.Learning.Reports;
using MlopsBuild.Learning.Training;
using MlopsBuild.Quality.Gates;
using MlopsBuild.Quality.ModelCards;
using MlopsBuild.Registry;
using MlopsBuild.Registry.Versions;
using static MlopsBuild.Quality.Gates.QualityGates;

/// <summary>The test stage: gates the trained model, writes its model card and registers it.</summary>
partial class Build
{
    /// <summary>
    /// What a model must show to become a candidate for production. Edit these as the model's requirements change;
    /// tests/golden/ holds the approved predictions the golden gate compares with.
    /// </summary>
    static Gate[] ModelGates =>
    [
        Metric.AucRoc >= 0.85,
        Metric.LogLoss <= 0.40,
        Metric.AucRoc.NoWorseThanChampion(by: 0.01),
        Slice("region").Each(Metric.AucRoc >= 0.80),
        Invariant("application_date"),
        Decreasing("credit_score"),
        Increasing("debt_to_income"),
        Golden("tests/golden/loans-model.verified.json"),
        DataValidation(),
    ];

    /// <summary>Who runs the build, as the registry and its audit log record it.</summary>
    static string Actor => Environment.GetEnvironmentVariable("GITHUB_ACTOR") is { Length: > 0 } actor ? actor : Environment.UserName;

    Target TestModel => _ => _
        .Description("Gates the trained model on its held-out rows against the champion, writes its model card, registers it")
        .DependsOn(Train)
        .Executes(() => FailClearly(() =>
        {
            var model = ModelFile.Load(ModelFilePath);
            var schema = SchemaFile.Load(Schema);
            if (DataFingerprint() != model.Metadata.DataFingerprint)
                throw new BuildFailedException($"{Display(Data)} changed since {Display(ModelFilePath)} was trained: run Train again (./build.sh TestModel runs it when needed)");
            var (dataset, testRows) = HeldOutRows(model, schema);

            var registry = ModelRegistry.Open(RegistryDirectory, Actor);
            var champion = registry.TryResolveAlias("factory");
            var championModel = champion is null ? null : ModelFile.FromBytes(registry.ReadArtifact(champion.Number, ModelArtifact), $"{champion.Label} (factory)");
            var context = new GateContext(model, dataset, testRows, RootDirectory)
            {
                Threshold = Threshold,
                Champion = championModel,
                DataValidation = DataValidationFile.Load(DataReports / DataReport.JsonFile),
                Schema = schema,
            };
            var report = QualityGates.Evaluate(context, ModelGates);
            foreach (var line in GateReportText.Lines(report)) Console.WriteLine(line);
            AtomicWrite(ModelDirectory / GateReportJson.FileName, GateReportJson.ToBytes(report));

            var test = dataset.Data.Select(testRows);
            var evaluation = ModelEvaluation.Of(model.Predictor, test, Threshold);
            var version = RegisterCandidate(registry, model, evaluation, report);
            var card = WriteModelCard(model, test, evaluation, report, version, champion, ChampionEvaluation.Of(context));
            ReportSection($"Model {version.Label}: {(version.Accepted ? "candidate" : "rejected")}",
                ModelCard.SummaryMarkdown(card) + $"\nModel card: {ReportLink(ModelDirectory / ModelCard.HtmlFile)}\n");

            Note("version", $"{version.Label} ({(version.Accepted ? "candidate" : "rejected")})");
            Note("gates", $"{report.Checks.Count - report.Failures.Count} of {report.Checks.Count} checks passed");
            if (!report.Passed)
                throw new BuildFailedException($"{version.Label} is rejected: {GateReportText.Failure(report)}. Model card: {Display(ModelDirectory / ModelCard.MarkdownFile)}");
        }));

    const string ModelArtifact = "model";

    /// <summary>The data, and the rows Train held out from it (the split is recorded in the model's metadata).</summary>
    (TabularDataset Dataset, int[] TestRows) HeldOutRows(TrainedModel model, DatasetSchema schema)
    {
        var dataset = TabularDatasetLoader.Load(Data, schema);
        return (dataset, DataSplit.Create(dataset, SplitParameters.Read(model.Metadata)).Test);
    }

    /// <summary>
    /// Registers the model with its metrics and gate checks. A rerun on the same model whose checks came out the same
    /// returns the version already registered rather than adding an identical one.
    /// </summary>
    ModelVersion RegisterCandidate(ModelRegistry registry, TrainedModel model, ModelEvaluation evaluation, GateReport report)
    {
        var checks = report.Checks.Select(c => new GateCheck(c.Kind, c.Name, c.Passed, c.Reason, c.Actual, c.Expected)).ToList();
        var metrics = evaluation.Values.Where(v => double.IsFinite(v.Value)).ToDictionary(v => v.Name, v => v.Value);
        var modelHash = ModelFileDigest();
        if (registry.List().FirstOrDefault() is { } newest
            && registry.Get(newest.Number) is var latest
            && latest.Artifacts.TryGetValue(ModelArtifact, out var artifact) && artifact.Sha256 == modelHash
            && latest.Checks.SequenceEqual(checks))
        {
            Console.WriteLine($"The model and its checks are those of {latest.Label}: not registered again.");
            return latest;
        }
        var version = registry.Register(new RegistrationRequest
        {
            Artifacts = new Dictionary<string, string>
            {
                [ModelArtifact] = ModelFilePath,
                ["metrics"] = ModelDirectory / TrainingReport.JsonFile,
                ["training-report"] = ModelDirectory / TrainingReport.MarkdownFile,
                ["gates"] = ModelDirectory / GateReportJson.FileName,
            },
            Lineage = Lineage(model),
            Metrics = metrics,
            Checks = checks,
            Accepted = report.Passed,
        });
        Console.WriteLine($"Registered {version.Label} as {(version.Accepted ? "a candidate" : "rejected")} in {Display(RegistryDirectory)}.");
        return version;
    }

    /// <summary>Writes the model card (Markdown and HTML) and returns what it shows.</summary>
    ModelCardInput WriteModelCard(TrainedModel model, TrainingData test, ModelEvaluation evaluation,
        GateReport report, ModelVersion version, ModelVersion? champion, ChampionEvaluation comparison)
    {
        var championMetrics = champion is not null && comparison is { Evaluation: { } championEvaluation, Candidate: { } candidateEvaluation, Rows: { } rows }
            ? new ChampionMetrics(champion.Label, championEvaluation, candidateEvaluation, rows.Description)
            : null;
        var card = new ModelCardInput(
            model.Signature.Label, version.Label, version.Accepted ? "candidate" : "rejected",
            model, test.Labels, BatchScorer.Predict(model.Predictor, test.Features), evaluation, report,
            SliceMetrics.From(report), LineageLines(version), championMetrics);
        ModelCard.Write(card, ModelDirectory);
        return card;
    }

    static void AtomicWrite(AbsolutePath path, byte[] bytes) => MlopsBuild.Core.IO.AtomicFile.WriteAllBytes(path, bytes);
}
