using MlopsBuild.Learning.Evaluation;

namespace MlopsBuild.Quality.ModelCards;

/// <summary>The champion's metrics on the same test rows, and its version label (e.g. "v5").</summary>
public sealed record ChampionMetrics(string Version, ModelEvaluation Evaluation);
