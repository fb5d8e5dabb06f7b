using MlopsBuild.Data.Schema;
using MlopsBuild.Learning;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Quality.Gates;

/// <summary>What gates judge: the candidate, the data and its held-out test rows, and what the run knows besides.</summary>
/// <param name="Candidate">The model under test.</param>
/// <param name="Dataset">The data the candidate was trained from (its features by the dataset's signature).</param>
/// <param name="TestRows">The held-out rows of <paramref name="Dataset"/> (<see cref="DataSplit.Test"/>).</param>
/// <param name="RootDirectory">Golden files are found relative to it (the repository's root).</param>
public sealed record GateContext(TrainedModel Candidate, TabularDataset Dataset, int[] TestRows, string RootDirectory)
{
    /// <summary>Binary classification: the probability from which a row counts as positive.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>The model behind the factory alias, to compare with; null when there is none yet.</summary>
    public TrainedModel? Champion { get; init; }

    /// <summary>The outcome of the same run's data check (<see cref="DataValidationFile.Load"/>); the data gate needs it.</summary>
    public DataValidationOutcome? DataValidation { get; init; }

    /// <summary>
    /// The data's schema. Optional; with it, a behavioural gate naming a column the data does not have is a declaration
    /// error rather than "not an input of the model".
    /// </summary>
    public DatasetSchema? Schema { get; init; }
}
