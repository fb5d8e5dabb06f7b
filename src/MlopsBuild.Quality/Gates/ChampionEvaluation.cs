using MlopsBuild.Learning.Evaluation;

namespace MlopsBuild.Quality.Gates;

/// <summary>
/// The candidate and the champion scored on the same rows (<see cref="ChampionRows"/>), or why they are not: no champion
/// yet (every comparison passes), or a champion that cannot be compared (every comparison fails, with the reason).
/// </summary>
/// <param name="Candidate">The candidate's metrics on <paramref name="Rows"/>.</param>
/// <param name="Evaluation">The champion's metrics on <paramref name="Rows"/>.</param>
public sealed record ChampionEvaluation(ModelEvaluation? Candidate, ModelEvaluation? Evaluation, ChampionRows? Rows, string? Incomparable)
{
    public bool Exists => Evaluation is not null || Incomparable is not null;

    /// <summary>Compares the context's candidate with its champion.</summary>
    public static ChampionEvaluation Of(GateContext context)
    {
        if (context.Champion is not { } champion) return new(null, null, null, null);
        var candidate = context.Candidate;
        if (champion.Signature.Label != candidate.Signature.Label || champion.Task != candidate.Task)
            return Incomparably(
                $"the champion predicts '{champion.Signature.Label}' as {TaskMetrics.Describe(champion.Task)}, the candidate '{candidate.Signature.Label}' as {TaskMetrics.Describe(candidate.Task)}; a model for another label or task needs a release manager's decision, not a metric comparison");
        if (!champion.Signature.ClassNames.SequenceEqual(candidate.Signature.ClassNames))
            return Incomparably(
                $"the champion's classes are {string.Join("/", champion.Signature.ClassNames)}, the candidate's {string.Join("/", candidate.Signature.ClassNames)}");
        var rows = ChampionRows.For(context, champion);
        if (rows.TooFew(context))
            return Incomparably(
                $"only {rows.Rows.Length} of the candidate's {context.TestRows.Length} test rows were held out from the champion too (at least {ChampionRows.Minimum} are needed): train the candidate with the champion's split (its --seed, --test-fraction and --split-by-id)");
        var (championFeatures, problem) = ModelInputs.Map(context.Dataset, rows.Rows, champion.Signature);
        if (championFeatures is null) return Incomparably($"the champion cannot score the test rows: {problem}");
        var (candidateFeatures, _) = ModelInputs.Map(context.Dataset, rows.Rows, candidate.Signature);
        var labels = rows.Rows.Select(row => context.Dataset.Data.Labels[row]).ToArray();
        return new(
            GateRun.Evaluate(context, candidate.Predictor, candidateFeatures!, labels),
            GateRun.Evaluate(context, champion.Predictor, championFeatures, labels),
            rows, null);
    }

    static ChampionEvaluation Incomparably(string reason) => new(null, null, null, reason);
}
