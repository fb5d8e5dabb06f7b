using System.Security.Cryptography;
using MlopsBuild.Data.Schema;
using MlopsBuild.Learning;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Persistence;

namespace MlopsBuild.Serving.Models;

/// <summary>The model being served: its name, version (the file's digest) and signature, looked up by input name.</summary>
public sealed class ServingModel
{
    readonly Dictionary<string, int> inputIndex;

    public ServingModel(TrainedModel model, string name, string digest)
    {
        Model = model;
        Name = name;
        Digest = digest;
        Version = digest[..12];
        inputIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < model.Signature.Inputs.Count; i++) inputIndex.Add(model.Signature.Inputs[i].Name, i);
        OutputCount = Learning.Prediction.ScoreTransform.OutputCount(model.Task, model.Predictor.ScoreCount);
    }

    /// <summary>The name clients address the model by (<c>/v2/models/{name}</c>).</summary>
    public string Name { get; }

    /// <summary>The model file's SHA-256, lower-case hex.</summary>
    public string Digest { get; }

    /// <summary>The digest's first 12 hex digits: a new file is a new version.</summary>
    public string Version { get; }

    public TrainedModel Model { get; }

    public IReadOnlyList<InputColumn> Inputs => Model.Signature.Inputs;

    public bool IsClassifier => Model.Task != LearningTask.Regression;

    /// <summary>Values per row the model gives: a probability per class, or the regression value.</summary>
    public int OutputCount { get; }

    public IReadOnlyList<string> ClassNames => Model.Signature.ClassNames;

    public bool TryGetInput(string name, out int index) => inputIndex.TryGetValue(name, out index);

    /// <summary>
    /// Loads the model file; the default name is the file's name without its extension ("model" for model.mlmodel).
    /// </summary>
    /// <exception cref="StartupException">The file cannot be read.</exception>
    /// <exception cref="ModelFormatException">The file is not a valid model file.</exception>
    public static ServingModel Load(string path, string? name)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"{path}: the model file cannot be read ({e.Message}). Check --model (or MLOPS_MODEL), or train the model first.");
        }
        var model = ModelFile.FromBytes(bytes, path);
        var digest = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return new ServingModel(model, string.IsNullOrWhiteSpace(name) ? DefaultName(path) : name, digest);
    }

    /// <summary>The file name without extension, when it is a URL-safe name; else "model".</summary>
    public static string DefaultName(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        return stem.Length > 0 && stem.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? stem : "model";
    }

    /// <summary>The Open Inference Protocol datatype the input's values are sent as.</summary>
    public static string DataTypeOf(ColumnType type) => type switch
    {
        ColumnType.Numeric => "FP64",
        ColumnType.Integer => "INT64",
        ColumnType.Boolean => "BOOL",
        _ => "BYTES",
    };
}
