using MlopsBuild.Data.Statistics;

namespace MlopsBuild.Learning.Training;

/// <summary>The rows of each side of a split, in ascending order.</summary>
public sealed record DataSplit(int[] Train, int[] Validation, int[] Test)
{
    /// <summary>
    /// Assigns every row by a hash of its key (the row number, or its id with <see cref="SplitOptions.ById"/>) and the
    /// seed: deterministic, independent of the other rows, and as good as a shuffle for the fractions' sake.
    /// </summary>
    /// <exception cref="TrainingException">The data is too small for the split, or a side lacks a class.</exception>
    public static DataSplit Create(TabularDataset dataset, SplitOptions options)
    {
        options.Validate();
        if (options.ById && dataset.RowKeys is null)
            throw new TrainingException("The split is by id, but the schema has no id column: mark one with 'role: id', or split by seed");
        var salt = StableHash.Mix(options.Seed ^ 0x5DEECE66DUL);
        var testBelow = Threshold(options.TestFraction);
        var validationBelow = Threshold(options.TestFraction + options.ValidationFraction);
        List<int> train = [], validation = [], test = [];
        for (var row = 0; row < dataset.Data.RowCount; row++)
        {
            var key = options.ById ? dataset.RowKeys![row] : (ulong)row;
            var draw = StableHash.Mix(key ^ salt);
            (draw < testBelow ? test : draw < validationBelow ? validation : train).Add(row);
        }
        var split = new DataSplit(train.ToArray(), validation.ToArray(), test.ToArray());
        split.CheckUsable(dataset.Data, options);
        return split;
    }

    static ulong Threshold(double fraction) => fraction >= 1 ? ulong.MaxValue : (ulong)(fraction * 18446744073709551616.0);

    void CheckUsable(TrainingData data, SplitOptions options)
    {
        const int minimumTrain = 20;
        if (Train.Length < minimumTrain || Test.Length == 0 || (options.ValidationFraction > 0 && Validation.Length == 0))
            throw new TrainingException(
                $"{data.RowCount} rows are too few for the split: it gives {Train.Length} training, {Validation.Length} validation and {Test.Length} test rows (at least {minimumTrain} training rows and one row on every other side are needed). Use more data or change --test-fraction / --validation-fraction");
        if (data.Task == LearningTask.Regression) return;
        RequireTwoClasses(data, Test, "test");
        if (Validation.Length > 0) RequireTwoClasses(data, Validation, "validation");
        RequireTwoClasses(data, Train, "training");
    }

    static void RequireTwoClasses(TrainingData data, int[] rows, string side)
    {
        var first = data.Labels[rows[0]];
        foreach (var row in rows)
            if (data.Labels[row] != first) return;
        throw new TrainingException(
            $"Every {side} row has the same class, so the {side} metrics would mean nothing: use more data, a larger fraction for that side, or another seed");
    }
}
