using MlopsBuild.Learning.Evaluation;

namespace MlopsBuild.Learning.Training;

/// <summary>A trained model with its split and its metrics on the validation and test rows.</summary>
/// <param name="Validation">Null when the split has no validation rows.</param>
/// <param name="FitTime">Wall time of the fit alone (not part of any report, which must be reproducible).</param>
public sealed record TrainingResult(
    TrainedModel Model,
    DataSplit Split,
    ModelEvaluation? Validation,
    ModelEvaluation Test,
    TimeSpan FitTime);
