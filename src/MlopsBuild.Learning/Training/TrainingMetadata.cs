namespace MlopsBuild.Learning.Training;

/// <summary>
/// How a model was made, stored in its file. Holds nothing that changes from run to run (no clock, no host), so that
/// the same inputs give the same file bytes.
/// </summary>
/// <param name="Trainer">"gbdt" or "linear".</param>
/// <param name="Parameters">The trainer's hyper-parameters, by name, in invariant text.</param>
/// <param name="DataFingerprint">The training data's content hash.</param>
/// <param name="TrainingRows">Rows the model was fitted on.</param>
public sealed record TrainingMetadata(
    string Trainer,
    IReadOnlyDictionary<string, string> Parameters,
    ulong Seed,
    string DataFingerprint,
    long TrainingRows);
