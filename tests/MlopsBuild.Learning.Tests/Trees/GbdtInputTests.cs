using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Training;
using MlopsBuild.Learning.Trees;

namespace MlopsBuild.Learning.Tests.Trees;

/// <summary>Bad data and options fail at once, with a message that says what, where and what to do.</summary>
public class GbdtInputTests
{
    static readonly GbdtOptions Options = new() { Trees = 5 };

    [Theory]
    [InlineData("Trees", 0, "1 or more")]
    [InlineData("MaxBins", 256, "2 … 255")]
    [InlineData("MaxLeaves", 1, "2 … 65536")]
    [InlineData("MinSamplesPerLeaf", 0, "1 or more")]
    [InlineData("EarlyStoppingRounds", -1, "0 (off) or more")]
    public void Integer_options_out_of_range_name_the_option_its_value_and_the_range(string name, int value, string range)
    {
        var options = name switch
        {
            "Trees" => Options with { Trees = value },
            "MaxBins" => Options with { MaxBins = value },
            "MaxLeaves" => Options with { MaxLeaves = value },
            "MinSamplesPerLeaf" => Options with { MinSamplesPerLeaf = value },
            _ => Options with { EarlyStoppingRounds = value },
        };
        var error = Assert.Throws<TrainingException>(() => new GbdtTrainer(options));
        Assert.Equal($"GBDT option {name} is {value}; it must be {range}.", error.Message);
    }

    [Fact]
    public void Fractions_out_of_range_are_refused()
    {
        Assert.Contains("RowSubsample is 0;", Assert.Throws<TrainingException>(() => new GbdtTrainer(Options with { RowSubsample = 0 })).Message);
        Assert.Contains("FeatureSubsample is 1.5;", Assert.Throws<TrainingException>(() => new GbdtTrainer(Options with { FeatureSubsample = 1.5 })).Message);
        Assert.Contains("LearningRate is NaN;", Assert.Throws<TrainingException>(() => new GbdtTrainer(Options with { LearningRate = double.NaN })).Message);
    }

    [Fact]
    public void Labels_of_one_class_are_refused()
    {
        var data = Binary([[1, 2, 3, 4, 5, 6]], [1, 1, 1, 1, 1, 1]);
        Assert.Contains("Every training label is class 1", Fail(data).Message);
    }

    [Fact]
    public void A_non_finite_label_is_refused_with_its_row()
    {
        var data = new TrainingData(new FeatureMatrix(Problems.NumericFeatures(1), [[1, 2, 3, 4]]), [0, 1, float.PositiveInfinity, 2], LearningTask.Regression, 0);
        Assert.Equal("The training label of row 2 is Infinity; labels must be finite. Remove or fix the row.", Fail(data).Message);
    }

    [Fact]
    public void Features_that_are_all_missing_or_constant_are_refused()
    {
        var data = Binary([[float.NaN, float.NaN, float.NaN, float.NaN], [3, 3, 3, 3]], [0, 1, 0, 1]);
        Assert.StartsWith("None of the 2 features can split the training rows", Fail(data).Message);
    }

    [Fact]
    public void Fewer_rows_than_two_leaves_need_are_refused()
    {
        var data = Binary([[1, 2, 3]], [0, 1, 0]);
        Assert.Equal("The training data has 3 rows; a tree needs at least 2 × MinSamplesPerLeaf = 40. Add rows or lower MinSamplesPerLeaf.",
            Assert.Throws<TrainingException>(() => new GbdtTrainer(new GbdtOptions()).Fit(data, null)).Message);
    }

    [Fact]
    public void Early_stopping_without_validation_data_is_refused()
    {
        var data = Binary([[1, 2, 3, 4]], [0, 1, 0, 1]);
        Assert.Contains("there is no validation data to stop on", Fail(data, Options with { EarlyStoppingRounds = 3 }).Message);
    }

    [Fact]
    public void A_category_code_out_of_range_is_refused()
    {
        var features = new[] { FeatureInfo.Categorical("colour", ["red", "blue"]) };
        var data = new TrainingData(new FeatureMatrix(features, [[0, 1, 2, 0]]), [0, 1, 0, 1], LearningTask.BinaryClassification, 2);
        Assert.StartsWith("Feature colour (training row 2) holds 2, not a category code 0 … 1", Fail(data).Message);
    }

    static TrainingData Binary(float[][] columns, float[] labels) =>
        new(new FeatureMatrix(Problems.NumericFeatures(columns.Length), columns), labels, LearningTask.BinaryClassification, 2);

    static TrainingException Fail(TrainingData data, GbdtOptions? options = null) =>
        Assert.Throws<TrainingException>(() => new GbdtTrainer((options ?? Options) with { MinSamplesPerLeaf = 1 }).Fit(data, null));
}
