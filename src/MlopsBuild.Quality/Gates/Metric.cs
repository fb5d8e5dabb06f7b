using MlopsBuild.Learning.Metrics;

namespace MlopsBuild.Quality.Gates;

/// <summary>
/// A metric to hold a candidate to; comparing it with a number declares a gate: <c>Metric.AucRoc &gt;= 0.85</c>,
/// <c>Metric.LogLoss &lt;= 0.45</c>. The name is checked against the model's task when the gates are evaluated.
/// </summary>
public sealed class Metric
{
    Metric(string name) => Name = name;

    /// <summary>One of <see cref="MetricNames"/>.</summary>
    public string Name { get; }

    public static Metric AucRoc { get; } = new(MetricNames.AucRoc);
    public static Metric AucPr { get; } = new(MetricNames.AucPr);
    public static Metric Accuracy { get; } = new(MetricNames.Accuracy);
    public static Metric Precision { get; } = new(MetricNames.Precision);
    public static Metric Recall { get; } = new(MetricNames.Recall);
    public static Metric F1 { get; } = new(MetricNames.F1);
    public static Metric LogLoss { get; } = new(MetricNames.LogLoss);
    public static Metric MacroF1 { get; } = new(MetricNames.MacroF1);
    public static Metric Rmse { get; } = new(MetricNames.Rmse);
    public static Metric Mae { get; } = new(MetricNames.Mae);
    public static Metric R2 { get; } = new(MetricNames.R2);

    /// <summary>A metric by its name in reports ("auc_roc"), e.g. from a parameter.</summary>
    public static Metric Named(string name) => new(name);

    public static ThresholdGate operator >=(Metric metric, double floor) => new(metric.Name, atLeast: true, floor);

    public static ThresholdGate operator <=(Metric metric, double ceiling) => new(metric.Name, atLeast: false, ceiling);

    /// <summary>
    /// The candidate may be worse than the champion on this metric by at most <paramref name="by"/> (in the metric's
    /// units, in its worse direction: lower for AUC, higher for log loss).
    /// </summary>
    public ChampionGate NoWorseThanChampion(double by) => new([Name], by);

    public override string ToString() => Name;
}
