using MlopsBuild.Learning.Prediction;

namespace MlopsBuild.Learning.Training;

/// <summary>
/// A learning algorithm with its hyper-parameters fixed. Fitting is deterministic: the same data, parameters and
/// seed give the same predictor, bit for bit, whatever the number of threads.
/// </summary>
public interface ITrainer
{
    /// <summary>"gbdt" or "linear": the name users pick it by.</summary>
    string Name { get; }

    /// <summary>The hyper-parameters, by name, as invariant text (stored in the model file's metadata).</summary>
    IReadOnlyDictionary<string, string> Parameters { get; }

    ulong Seed { get; }

    /// <summary>
    /// Fits a predictor to <paramref name="train"/>; <paramref name="validation"/>, when given, drives early stopping.
    /// <paramref name="log"/> receives progress lines (one per few iterations, not per row).
    /// </summary>
    /// <exception cref="TrainingException">The data cannot be learned from (one class, no usable feature, …).</exception>
    Predictor Fit(TrainingData train, TrainingData? validation, Action<string>? log = null);
}
