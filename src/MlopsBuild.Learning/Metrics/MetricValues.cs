namespace MlopsBuild.Learning.Metrics;

/// <summary>Metrics records as ordered lists of named values, the order reports show them in.</summary>
public static class MetricValues
{
    static readonly Dictionary<string, MetricDirection> Directions = new(StringComparer.Ordinal)
    {
        [MetricNames.AucRoc] = MetricDirection.HigherIsBetter,
        [MetricNames.AucPr] = MetricDirection.HigherIsBetter,
        [MetricNames.Accuracy] = MetricDirection.HigherIsBetter,
        [MetricNames.Precision] = MetricDirection.HigherIsBetter,
        [MetricNames.Recall] = MetricDirection.HigherIsBetter,
        [MetricNames.F1] = MetricDirection.HigherIsBetter,
        [MetricNames.MacroF1] = MetricDirection.HigherIsBetter,
        [MetricNames.R2] = MetricDirection.HigherIsBetter,
        [MetricNames.LogLoss] = MetricDirection.LowerIsBetter,
        [MetricNames.Rmse] = MetricDirection.LowerIsBetter,
        [MetricNames.Mae] = MetricDirection.LowerIsBetter,
    };

    public static IReadOnlyList<MetricValue> Of(BinaryMetrics metrics) =>
    [
        Value(MetricNames.AucRoc, metrics.AucRoc),
        Value(MetricNames.AucPr, metrics.AucPr),
        Value(MetricNames.Accuracy, metrics.Accuracy),
        Value(MetricNames.Precision, metrics.Precision),
        Value(MetricNames.Recall, metrics.Recall),
        Value(MetricNames.F1, metrics.F1),
        Value(MetricNames.LogLoss, metrics.LogLoss),
    ];

    public static IReadOnlyList<MetricValue> Of(MulticlassMetrics metrics) =>
    [
        Value(MetricNames.Accuracy, metrics.Accuracy),
        Value(MetricNames.MacroF1, metrics.MacroF1),
        Value(MetricNames.LogLoss, metrics.LogLoss),
    ];

    public static IReadOnlyList<MetricValue> Of(RegressionMetrics metrics) =>
    [
        Value(MetricNames.Rmse, metrics.Rmse),
        Value(MetricNames.Mae, metrics.Mae),
        Value(MetricNames.R2, metrics.R2),
    ];

    /// <summary>Which way the metric called <paramref name="name"/> improves (a gate's sense of "better").</summary>
    /// <exception cref="ArgumentException">No metric has that name.</exception>
    public static MetricDirection DirectionOf(string name) =>
        Directions.TryGetValue(name, out var direction)
            ? direction
            : throw new ArgumentException(
                $"There is no metric called '{name}': use one of {string.Join(", ", Directions.Keys.Order(StringComparer.Ordinal))}.",
                nameof(name));

    static MetricValue Value(string name, double value) => new(name, value, Directions[name]);
}
