using System.Diagnostics;
using System.Globalization;
using MlopsBuild.Learning.Evaluation;

namespace MlopsBuild.Learning.Training;

/// <summary>Splits a dataset, fits a trainer on the training rows, and evaluates the model on the held-out rows.</summary>
public static class TrainingRun
{
    /// <param name="dataFingerprint">The dataset's content hash, recorded in the model's metadata.</param>
    /// <param name="threshold">The probability at which binary metrics count a row as positive.</param>
    /// <exception cref="TrainingException">The split or the training data is unusable, or a parameter is out of range.</exception>
    public static TrainingResult Run(
        TabularDataset dataset, ITrainer trainer, SplitOptions splitOptions, string dataFingerprint,
        double threshold = 0.5, Action<string>? log = null)
    {
        if (!(threshold >= 0 && threshold <= 1))
            throw new TrainingException($"The threshold is {threshold.ToString(CultureInfo.InvariantCulture)}; it must be a probability between 0 and 1");
        var split = DataSplit.Create(dataset, splitOptions);
        var train = dataset.Data.Select(split.Train);
        var validation = split.Validation.Length > 0 ? dataset.Data.Select(split.Validation) : null;
        var test = dataset.Data.Select(split.Test);
        log?.Invoke($"Split: {split.Train.Length:N0} training, {split.Validation.Length:N0} validation, {split.Test.Length:N0} test rows");

        var clock = Stopwatch.StartNew();
        var predictor = trainer.Fit(train, validation, log);
        var fitTime = clock.Elapsed;

        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in trainer.Parameters) parameters[name] = value;
        SplitParameters.Write(splitOptions, parameters);
        var metadata = new TrainingMetadata(trainer.Name, parameters, trainer.Seed, dataFingerprint, train.RowCount);
        var model = new TrainedModel(dataset.Signature, predictor, metadata);

        return new TrainingResult(
            model, split,
            validation is null ? null : ModelEvaluation.Of(predictor, validation, threshold),
            ModelEvaluation.Of(predictor, test, threshold),
            fitTime);
    }
}
