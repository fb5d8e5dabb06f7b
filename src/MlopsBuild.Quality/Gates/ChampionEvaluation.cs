using MlopsBuild.Learning.Evaluation;

namespace MlopsBuild.Quality.Gates;

/// <summary>
/// The champion's metrics on the candidate's test rows, or why there are none: no champion yet (every comparison
/// passes), or a champion that cannot be compared (every comparison fails, with the reason).
/// </summary>
internal sealed record ChampionEvaluation(ModelEvaluation? Evaluation, string? Incomparable)
{
    public bool Exists => Evaluation is not null || Incomparable is not null;

    public static ChampionEvaluation Of(GateRun run)
    {
        if (run.Context.Champion is not { } champion) return new(null, null);
        var candidate = run.Candidate.Signature;
        if (champion.Signature.Label != candidate.Label || champion.Task != run.Task)
            return new(null,
                $"the champion predicts '{champion.Signature.Label}' as {TaskMetrics.Describe(champion.Task)}, the candidate '{candidate.Label}' as {TaskMetrics.Describe(run.Task)}; a model for another label or task needs a release manager's decision, not a metric comparison");
        if (!champion.Signature.ClassNames.SequenceEqual(candidate.ClassNames))
            return new(null,
                $"the champion's classes are {string.Join("/", champion.Signature.ClassNames)}, the candidate's {string.Join("/", candidate.ClassNames)}");
        var (features, problem) = ModelInputs.Map(run.Context.Dataset, run.Context.TestRows, champion.Signature);
        if (features is null) return new(null, $"the champion cannot score the test rows: {problem}");
        return new(run.Evaluate(champion.Predictor, features, run.Labels), null);
    }
}
