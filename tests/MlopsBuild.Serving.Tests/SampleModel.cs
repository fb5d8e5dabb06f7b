using System.Text.Json.Nodes;
using MlopsBuild.Data.Schema;
using MlopsBuild.Data.Validation;
using MlopsBuild.Learning;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Persistence;
using MlopsBuild.Learning.Prediction;
using MlopsBuild.Learning.Training;
using MlopsBuild.Learning.Trees;
using MlopsBuild.Testing;

namespace MlopsBuild.Serving.Tests;

/// <summary>
/// A small GBDT (8 trees) trained once on the sample data (data/loans.csv), saved as a model file, with the sample's
/// first rows as the JSON a client sends and the predictions offline scoring gives for them.
/// </summary>
public sealed class SampleModel : IDisposable
{
    public const int GoldenRowCount = 200;

    readonly TemporaryDirectory directory = new();

    public SampleModel()
    {
        var dataset = TabularDatasetLoader.Load(RepositoryRoot.File("data", "loans.csv"), SchemaFile.Load(RepositoryRoot.File("data", "loans.schema.yaml")));
        var trainer = new GbdtTrainer(new GbdtOptions { Trees = 8, MaxLeaves = 15, Threads = 1 });
        var predictor = trainer.Fit(dataset.Data, null);
        Model = new TrainedModel(dataset.Signature, predictor, new TrainingMetadata(trainer.Name, trainer.Parameters, trainer.Seed, "sha256:test", dataset.Data.RowCount));
        Path = directory.File("loans.mlmodel");
        ModelFile.Save(Model, Path);
        GoldenRecords = ReadRecords(RepositoryRoot.File("data", "loans.csv"), Model.Signature, GoldenRowCount);
        var rows = Enumerable.Range(0, GoldenRowCount).ToArray();
        OfflineOutputs = BatchScorer.Predict(predictor, dataset.Data.Features.Select(rows));
    }

    /// <summary>The model's name on the server: the file's name without extension.</summary>
    public const string Name = "loans";

    public string Path { get; }

    public TrainedModel Model { get; }

    /// <summary>The sample's first rows as {input: value} records, values typed as JSON (null where the CSV is empty).</summary>
    public IReadOnlyList<JsonObject> GoldenRecords { get; }

    /// <summary>BatchScorer.Predict on the same rows: GoldenRowCount × 2 probabilities.</summary>
    public double[] OfflineOutputs { get; }

    public string TemporaryFile(string name) => directory.File(name);

    /// <summary>One valid record (the first golden row), as a fresh object the test may change.</summary>
    public JsonObject Record() => (JsonObject)GoldenRecords[0].DeepClone();

    static List<JsonObject> ReadRecords(string csv, ModelSignature signature, int count)
    {
        using var reader = new StreamReader(csv);
        var header = reader.ReadLine()!.Split(',');
        var records = new List<JsonObject>();
        while (records.Count < count && reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            var record = new JsonObject();
            foreach (var input in signature.Inputs)
                record[input.Name] = Value(input.Type, fields[Array.IndexOf(header, input.Name)]);
            records.Add(record);
        }
        return records;
    }

    /// <summary>The CSV text as the JSON value a client sends: numbers as written, booleans as true/false.</summary>
    static JsonNode? Value(ColumnType type, string text) => text.Length == 0 ? null : type switch
    {
        ColumnType.Numeric or ColumnType.Integer => JsonNode.Parse(text),
        ColumnType.Boolean => BooleanText.TryParse(text, out var flag) ? JsonValue.Create(flag) : throw new InvalidDataException(text),
        _ => JsonValue.Create(text),
    };

    public void Dispose() => directory.Dispose();
}
