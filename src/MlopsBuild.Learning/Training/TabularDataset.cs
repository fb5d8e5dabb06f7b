using MlopsBuild.Learning.Features;

namespace MlopsBuild.Learning.Training;

/// <summary>A table read for training: every row's features and label, and what the model's signature will be.</summary>
/// <param name="RowKeys">Per row, a stable hash of its id column (for splits that keep a customer on one side); null without an id column.</param>
/// <param name="IgnoredFeatures">Feature columns no model can read (free text), left out.</param>
public sealed record TabularDataset(
    ModelSignature Signature,
    TrainingData Data,
    ulong[]? RowKeys,
    string? IdColumn,
    IReadOnlyList<string> IgnoredFeatures);
