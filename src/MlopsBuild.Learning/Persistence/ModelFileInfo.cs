using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Persistence;

/// <summary>
/// What a model file's header says, readable without building the predictor (see <see cref="ModelFile.ReadInfo"/>).
/// </summary>
/// <param name="FormatVersion">The file layout's version.</param>
/// <param name="ScoreCount">Raw scores per row: the class count for multiclass, else 1.</param>
/// <param name="TreeCount">Trees of a tree ensemble; 0 for a linear model.</param>
/// <param name="TermCount">Terms of a linear model; 0 for a tree ensemble.</param>
public sealed record ModelFileInfo(
    int FormatVersion,
    LearningTask Task,
    PredictorKind PredictorKind,
    int ScoreCount,
    int TreeCount,
    int TermCount,
    ModelSignature Signature,
    TrainingMetadata Metadata);
