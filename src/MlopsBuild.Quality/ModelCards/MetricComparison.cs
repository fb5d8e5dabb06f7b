using MlopsBuild.Learning.Evaluation;
using MlopsBuild.Learning.Metrics;

namespace MlopsBuild.Quality.ModelCards;

/// <summary>One row of the metrics table: the candidate's value, and the champion's with the change when there is one.</summary>
internal sealed record MetricComparison(string Name, double Candidate, double? Champion, MetricDirection Direction)
{
    public double? Delta => Champion is { } champion ? Candidate - champion : null;

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
    public static IReadOnlyList<MetricComparison> Of(ModelEvaluation candidate, ModelEvaluation? champion)
    {
        var championValues = champion?.Values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal) ?? [];
        return candidate.Values
            .Select(v => new MetricComparison(v.Name, v.Value, championValues.TryGetValue(v.Name, out var c) ? c : null, v.Direction))
            .ToList();
    }
}
