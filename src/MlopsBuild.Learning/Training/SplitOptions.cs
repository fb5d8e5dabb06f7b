using System.Globalization;

namespace MlopsBuild.Learning.Training;

/// <summary>How rows are shared between training, validation (early stopping) and test (the reported metrics).</summary>
public sealed record SplitOptions
{
    public double ValidationFraction { get; init; } = 0.1;

    public double TestFraction { get; init; } = 0.2;

    public ulong Seed { get; init; } = 42;

    /// <summary>
    /// Split by a hash of the id column instead of the row number: a row keeps its side when rows are added or
    /// reordered, and duplicated ids never straddle train and test.
    /// </summary>
    public bool ById { get; init; }

    /// <exception cref="TrainingException">A fraction is out of range.</exception>
    public void Validate()
    {
        Check(nameof(TestFraction), TestFraction, 0.01, 0.9);
        Check(nameof(ValidationFraction), ValidationFraction, 0, 0.9);
        if (TestFraction + ValidationFraction > 0.9)
            throw new TrainingException(
                $"The test and validation fractions add up to {Text(TestFraction + ValidationFraction)}, leaving too little to train on: keep their sum at most 0.9");
    }

    static void Check(string name, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
            throw new TrainingException($"{name} is {Text(value)}; it must be between {Text(min)} and {Text(max)}");
    }

    static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
