using MlopsBuild.Data.Schema;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Tests.Training;

public class DataSplitTests
{
    static TabularDataset Dataset(int rows, Func<int, float>? label = null, ulong[]? keys = null)
    {
        var column = Enumerable.Range(0, rows).Select(i => (float)i).ToArray();
        var labels = Enumerable.Range(0, rows).Select(label ?? (i => i % 2)).ToArray();
        var matrix = new FeatureMatrix([FeatureInfo.Numeric("x")], [column]);
        var signature = new ModelSignature([new InputColumn("x", ColumnType.Numeric, [])], "y", ColumnType.Boolean, ["false", "true"]);
        return new TabularDataset(signature, new TrainingData(matrix, labels, LearningTask.BinaryClassification, 2), keys, keys is null ? null : "id", []);
    }

    [Fact]
    public void Every_row_lands_on_exactly_one_side_in_about_the_asked_shares()
    {
        var split = DataSplit.Create(Dataset(100_000), new SplitOptions { TestFraction = 0.2, ValidationFraction = 0.1 });
        var all = split.Train.Concat(split.Validation).Concat(split.Test).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 100_000), all);
        Assert.InRange(split.Test.Length, 19_500, 20_500);
        Assert.InRange(split.Validation.Length, 9_600, 10_400);
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        var dataset = Dataset(1_000);
        var first = DataSplit.Create(dataset, new SplitOptions { Seed = 7 });
        var again = DataSplit.Create(dataset, new SplitOptions { Seed = 7 });
        var other = DataSplit.Create(dataset, new SplitOptions { Seed = 8 });
        Assert.Equal(first.Test, again.Test);
        Assert.Equal(first.Train, again.Train);
        Assert.NotEqual(first.Test, other.Test);
    }

    [Fact]
    public void By_id_a_row_keeps_its_side_when_other_rows_are_added_or_reordered()
    {
        var keys = Enumerable.Range(0, 2_000).Select(i => Data.Statistics.StableHash.OfText($"C{i:D6}")).ToArray();
        var small = DataSplit.Create(Dataset(1_000, keys: keys[..1_000]), new SplitOptions { ById = true });
        var reversed = keys[..1_000].Reverse().Concat(keys[1_000..]).ToArray();
        var grown = DataSplit.Create(Dataset(2_000, keys: reversed), new SplitOptions { ById = true });
        var testIds = small.Test.Select(row => keys[row]).ToHashSet();
        var grownTestIds = grown.Test.Select(row => reversed[row]).Where(k => Array.IndexOf(keys, k) < 1_000).ToHashSet();
        Assert.Equal(testIds.Order(), grownTestIds.Order());
    }

    [Fact]
    public void By_id_without_an_id_column_is_an_error()
    {
        var error = Assert.Throws<TrainingException>(() => DataSplit.Create(Dataset(100), new SplitOptions { ById = true }));
        Assert.Contains("no id column", error.Message);
    }

    [Fact]
    public void Too_few_rows_for_the_split_is_an_error_saying_how_many_each_side_got()
    {
        var error = Assert.Throws<TrainingException>(() => DataSplit.Create(Dataset(12), new SplitOptions()));
        Assert.Contains("12 rows are too few for the split", error.Message);
    }

    [Fact]
    public void A_test_side_of_one_class_is_an_error()
    {
        // Only row 0 is positive: whichever side it lands on, another side has one class.
        var error = Assert.Throws<TrainingException>(() => DataSplit.Create(Dataset(200, i => i == 0 ? 1 : 0), new SplitOptions()));
        Assert.Contains("has the same class", error.Message);
    }

    [Theory]
    [InlineData(0.0, 0.1, "TestFraction is 0")]
    [InlineData(0.2, -0.1, "ValidationFraction is -0.1")]
    [InlineData(0.5, 0.5, "add up to 1")]
    [InlineData(double.NaN, 0.1, "TestFraction is NaN")]
    public void Fractions_out_of_range_are_errors(double test, double validation, string message)
    {
        var error = Assert.Throws<TrainingException>(() => DataSplit.Create(Dataset(100), new SplitOptions { TestFraction = test, ValidationFraction = validation }));
        Assert.Contains(message, error.Message);
    }
}
