using System.Globalization;
using MlopsBuild.Learning;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Quality.Gates;

/// <summary>
/// The rows a candidate and its champion are compared on: the candidate's test rows that the champion did not learn
/// from either. A champion trained with another split (another --seed) learnt from most of the candidate's test rows;
/// scored on them, it would look better than it is. Its split is recorded in its file, so its own held-out rows of
/// the same data are known: the comparison uses the rows both held out.
/// </summary>
/// <param name="Rows">Rows of the dataset, ascending.</param>
/// <param name="Description">Which rows these are, for a check's reason and the model card.</param>
public sealed record ChampionRows(int[] Rows, string Description)
{
    /// <summary>Fewer rows held out from both than this (and than the candidate's test rows) are too few to compare on.</summary>
    public const int Minimum = 100;

    public static ChampionRows For(GateContext context, TrainedModel champion)
    {
        var candidateRows = context.TestRows;
        var all = $"the candidate's {Count(candidateRows.Length)} test rows";
        SplitOptions split;
        try
        {
            split = SplitParameters.Read(champion.Metadata);
        }
        catch (TrainingException)
        {
            return new(candidateRows, $"{all} (the champion's file records no split, so which of them it learnt from is unknown)");
        }
        // Row-number keys name the same rows only in the same data; id keys name them in any version of it.
        if (!split.ById && champion.Metadata.DataFingerprint != context.Candidate.Metadata.DataFingerprint)
            return new(candidateRows, $"{all} (the champion was trained on other data and split by row number, so which of them it learnt from is unknown)");
        int[] championTest;
        try
        {
            championTest = DataSplit.Create(context.Dataset, split).Test;
        }
        catch (TrainingException e)
        {
            return new(candidateRows, $"{all} (the champion's split does not apply to this data: {e.Message})");
        }
        var shared = candidateRows.Intersect(championTest).Order().ToArray();
        return shared.Length == candidateRows.Length
            ? new(shared, $"the same {Count(shared.Length)} test rows")
            : new(shared, $"the {Count(shared.Length)} of the candidate's {Count(candidateRows.Length)} test rows that the champion did not learn from either");
    }

    /// <summary>Too few rows to compare on, unless they are all the candidate's test rows.</summary>
    public bool TooFew(GateContext context) => Rows.Length < Minimum && Rows.Length < context.TestRows.Length;

    static string Count(int rows) => rows.ToString("N0", CultureInfo.InvariantCulture);
}
