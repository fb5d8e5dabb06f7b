using MlopsBuild.Learning;
using MlopsBuild.Learning.Evaluation;
using MlopsBuild.Quality.Gates;

namespace MlopsBuild.Quality.ModelCards;

/// <summary>Everything a model card shows about one candidate. Nothing here is read from a clock or the machine.</summary>
/// <param name="ModelName">What the model is called in the registry, e.g. "loans".</param>
/// <param name="Version">The candidate's version label, e.g. "v7".</param>
/// <param name="Status">Where it stands, e.g. "candidate", "rejected", "registered".</param>
/// <param name="Model">The candidate itself: signature, predictor and training metadata.</param>
/// <param name="TestLabels">The test rows' labels (0/1 binary, class index multiclass, value regression).</param>
/// <param name="TestOutputs">What <c>BatchScorer.Predict</c> returned for the test rows: per row 2 probabilities
/// (binary), K (multiclass) or the prediction (regression), row after row.</param>
/// <param name="Test">The candidate's metrics on those rows.</param>
/// <param name="Gates">Every gate check and its outcome.</param>
/// <param name="Slices">Metrics per value of the sliced columns, in the order to show them.</param>
/// <param name="Lineage">Where the candidate came from (git commit, data fingerprint, …), in the order to show them.</param>
/// <param name="Champion">The model it is compared with, or null when there is none.</param>
public sealed record ModelCardInput(
    string ModelName,
    string Version,
    string Status,
    TrainedModel Model,
    float[] TestLabels,
    double[] TestOutputs,
    ModelEvaluation Test,
    GateReport Gates,
    IReadOnlyList<SliceMetric> Slices,
    IReadOnlyList<LineageEntry> Lineage,
    ChampionMetrics? Champion = null);
