using MlopsBuild.Learning.Evaluation;
using MlopsBuild.Learning.Metrics;

namespace MlopsBuild.Quality.ModelCards;

/// <summary>
/// One row of the metrics table: the candidate's value on its test rows, and the champion's with the change when there
/// is one. Both of those are on the rows the two are compared on, which may be fewer (<see cref="ChampionMetrics.Rows"/>).
/// </summary>
internal sealed record MetricComparison(string Name, double Candidate, double? Champion, double? CandidateOnChampionRows, MetricDirection Direction)
{
    public double? Delta => Champion is { } champion && CandidateOnChampionRows is { } candidate ? candidate - champion : null;

    /// <summary>"better", "worse" or "same", in the metric's own direction; null without a champion or a number.</summary>
    public string? Verdict => Delta switch
    {
        null or double.NaN => null,
        0 => "same",
        > 0 => Direction == MetricDirection.HigherIsBetter ? "better" : "worse",
        _ => Direction == MetricDirection.HigherIsBetter ? "worse" : "better",
    };

    /// <summary>
    /// The candidate's metrics in report order, each with the champion's value of the same name (none when the champion
    /// was evaluated for another task).
    /// </summary>
    public static IReadOnlyList<MetricComparison> Of(ModelEvaluation candidate, ChampionMetrics? champion)
    {
        var championValues = ValuesOf(champion?.Evaluation);
        var candidateOnChampionRows = ValuesOf(champion?.Candidate);
        return candidate.Values
            .Select(v => new MetricComparison(v.Name, v.Value, Find(championValues, v.Name), Find(candidateOnChampionRows, v.Name), v.Direction))
            .ToList();
    }

    static Dictionary<string, double> ValuesOf(ModelEvaluation? evaluation) =>
        evaluation?.Values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal) ?? [];

    static double? Find(Dictionary<string, double> values, string name) => values.TryGetValue(name, out var value) ? value : null;
}
