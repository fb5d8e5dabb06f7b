using System.Globalization;

namespace MlopsBuild.Learning.Training;

/// <summary>
/// The split as a model's metadata records it, so that later stages (TestModel) test on exactly the rows training
/// held out.
/// </summary>
public static class SplitParameters
{
    const string ById = "split.by_id";
    const string Seed = "split.seed";
    const string TestFraction = "split.test_fraction";
    const string ValidationFraction = "split.validation_fraction";

    public static void Write(SplitOptions options, IDictionary<string, string> parameters)
    {
        parameters[ById] = options.ById ? "true" : "false";
        parameters[Seed] = options.Seed.ToString(CultureInfo.InvariantCulture);
        parameters[TestFraction] = options.TestFraction.ToString("R", CultureInfo.InvariantCulture);
        parameters[ValidationFraction] = options.ValidationFraction.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <exception cref="TrainingException">The metadata does not record a split (a model not made by <see cref="TrainingRun"/>).</exception>
    public static SplitOptions Read(TrainingMetadata metadata)
    {
        string Value(string key) => metadata.Parameters.TryGetValue(key, out var value)
            ? value
            : throw new TrainingException($"The model's metadata has no '{key}', so the rows it was tested on cannot be found again: train it with this version's Train target");
        return new SplitOptions
        {
            ById = Value(ById) == "true",
            Seed = ulong.Parse(Value(Seed), CultureInfo.InvariantCulture),
            TestFraction = double.Parse(Value(TestFraction), CultureInfo.InvariantCulture),
            ValidationFraction = double.Parse(Value(ValidationFraction), CultureInfo.InvariantCulture),
        };
    }
}
