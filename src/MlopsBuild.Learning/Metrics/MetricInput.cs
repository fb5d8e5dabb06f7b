namespace MlopsBuild.Learning.Metrics;

/// <summary>Checks shared by the metrics: each failure says what is wrong, at which row, and what to do.</summary>
internal static class MetricInput
{
    public static void RequireRows(int labelCount, int valueCount, string valueName, string valuesParameter, int valuesPerRow = 1)
    {
        if (labelCount == 0)
            throw new ArgumentException("No rows: metrics need at least one labelled row; evaluate on a non-empty data set.", "labels");
        if ((long)labelCount * valuesPerRow != valueCount)
        {
            var expected = valuesPerRow == 1 ? "one per label" : $"{valuesPerRow} per label";
            throw new ArgumentException(
                $"{labelCount} labels but {valueCount} {valueName}: pass {expected}, in the same row order.", valuesParameter);
        }
    }

    public static bool IsProbability(double value) => value >= 0 && value <= 1; // false for NaN

    /// <summary>The error for a value <see cref="IsProbability"/> refuses (built only then: the hint may be formatted).</summary>
    public static ArgumentException NotAProbability(double value, int row, string valuesParameter, string hint) =>
        new($"Probability {value} at row {row} is not in [0, 1]: {hint}.", valuesParameter);

    public static void RequireFinite(double value, int row, string what, string parameter)
    {
        if (!double.IsFinite(value))
            throw new ArgumentException($"The {what} at row {row} is {value}: metrics need finite values; drop or fix that row.", parameter);
    }
}
