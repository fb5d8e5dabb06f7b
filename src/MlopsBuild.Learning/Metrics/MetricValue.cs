namespace MlopsBuild.Learning.Metrics;

/// <summary>Which way a metric improves.</summary>
public enum MetricDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>One named metric value, for reports and gates.</summary>
/// <param name="Name">One of <see cref="MetricNames"/>.</param>
public readonly record struct MetricValue(string Name, double Value, MetricDirection Direction);
