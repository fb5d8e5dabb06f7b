using MlopsBuild.Learning.Evaluation;

namespace MlopsBuild.Quality.ModelCards;

/// <summary>The champion's version label (e.g. "v5"), and its metrics and the candidate's on the same rows.</summary>
/// <param name="Evaluation">The champion's metrics on <paramref name="Rows"/>.</param>
/// <param name="Candidate">The candidate's metrics on <paramref name="Rows"/>: the change is measured from these.</param>
/// <param name="Rows">Which rows both were scored on (<see cref="Gates.ChampionRows.Description"/>).</param>
public sealed record ChampionMetrics(string Version, ModelEvaluation Evaluation, ModelEvaluation Candidate, string Rows);
