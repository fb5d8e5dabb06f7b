using MlopsBuild.Learning;
using MlopsBuild.Learning.Evaluation;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Prediction;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Quality.Gates;

/// <summary>
/// One evaluation of a set of gates: checks the context once, and computes what several gates share (the candidate's
/// and the champion's metrics on the test rows, the candidate's predictions) at most once.
/// </summary>
internal sealed class GateRun
{
    readonly Lazy<ModelEvaluation> candidateEvaluation;
    readonly Lazy<double[]> candidateOutputs;
    readonly Lazy<ChampionEvaluation> champion;

    /// <exception cref="GateDeclarationException">The context is inconsistent (rows out of range, another label, …).</exception>
    public GateRun(GateContext context)
    {
        Context = context;
        CheckContext(context);
        var (features, problem) = ModelInputs.Map(context.Dataset, context.TestRows, context.Candidate.Signature);
        if (features is null) throw new GateDeclarationException($"Gate context: the candidate cannot read the data: {problem}. Pass the dataset the candidate was trained on");
        Features = features;
        Labels = context.TestRows.Select(row => context.Dataset.Data.Labels[row]).ToArray();
        candidateEvaluation = new(() => Evaluate(Candidate.Predictor, Features, Labels));
        candidateOutputs = new(() => BatchScorer.Predict(Candidate.Predictor, Features));
        champion = new(() => ChampionEvaluation.Of(context));
    }

    public GateContext Context { get; }

    public TrainedModel Candidate => Context.Candidate;

    public LearningTask Task => Candidate.Task;

    /// <summary>The test rows, featurized for the candidate (row i is test row i).</summary>
    public FeatureMatrix Features { get; }

    /// <summary>The test rows' labels, in the dataset's class order (the candidate's too: the context checks it).</summary>
    public float[] Labels { get; }

    public ModelEvaluation CandidateEvaluation => candidateEvaluation.Value;

    /// <summary>The candidate's outputs for the test rows (<see cref="BatchScorer.Predict"/>).</summary>
    public double[] CandidateOutputs => candidateOutputs.Value;

    public ChampionEvaluation Champion => champion.Value;

    public int OutputCount => ScoreTransform.OutputCount(Task, Candidate.Predictor.ScoreCount);

    /// <summary>The candidate's outputs for other features of the test rows (a behavioural gate's altered copy).</summary>
    public double[] PredictCandidate(FeatureMatrix features) => BatchScorer.Predict(Candidate.Predictor, features);

    public ModelEvaluation Evaluate(Predictor predictor, FeatureMatrix features, float[] labels) => Evaluate(Context, predictor, features, labels);

    /// <summary>A model's metrics on rows of the context's data, at its threshold.</summary>
    public static ModelEvaluation Evaluate(GateContext context, Predictor predictor, FeatureMatrix features, float[] labels)
    {
        var data = new TrainingData(features, labels, context.Candidate.Task, context.Dataset.Data.ClassCount);
        return ModelEvaluation.Of(predictor, data, context.Threshold);
    }

    static void CheckContext(GateContext context)
    {
        var dataset = context.Dataset;
        var candidate = context.Candidate;
        if (context.TestRows.Length == 0)
            throw new GateDeclarationException("Gate context: there are no test rows. Pass the split's test rows (DataSplit.Test)");
        foreach (var row in context.TestRows)
            if (row < 0 || row >= dataset.Data.RowCount)
                throw new GateDeclarationException(
                    $"Gate context: test row {row} is outside the data's {dataset.Data.RowCount} rows. Pass the test rows of a split of this dataset");
        if (!(context.Threshold >= 0 && context.Threshold <= 1))
            throw new GateDeclarationException($"Gate context: the threshold is {Numbers.Exact(context.Threshold)}; it must be a probability between 0 and 1");
        if (candidate.Signature.Label != dataset.Signature.Label || candidate.Task != dataset.Data.Task
            || !candidate.Signature.ClassNames.SequenceEqual(dataset.Signature.ClassNames))
            throw new GateDeclarationException(
                $"Gate context: the candidate predicts '{candidate.Signature.Label}' as {TaskMetrics.Describe(candidate.Task)}, the data labels '{dataset.Signature.Label}' for {TaskMetrics.Describe(dataset.Data.Task)}{ClassesNote(candidate, dataset)}. Pass the dataset the candidate was trained on");
    }

    static string ClassesNote(TrainedModel candidate, TabularDataset dataset) =>
        candidate.Task != dataset.Data.Task || candidate.Signature.ClassNames.SequenceEqual(dataset.Signature.ClassNames)
            ? ""
            : $" (classes {string.Join("/", candidate.Signature.ClassNames)} vs {string.Join("/", dataset.Signature.ClassNames)})";
}
