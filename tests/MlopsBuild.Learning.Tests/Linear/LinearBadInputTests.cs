using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Linear;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Tests.Linear;

/// <summary>Input a linear model cannot be fitted to is refused, before fitting, with a message saying why.</summary>
public sealed class LinearBadInputTests
{
    [Fact]
    public void One_class_is_refused()
    {
        var message = Refusal(Binary([[1, 2, 3, 4]], [1, 1, 1, 1]));
        Assert.Contains("Every training row has class 1", message);
        Assert.Contains("at least two classes", message);
    }

    [Fact]
    public void A_class_without_rows_is_refused()
    {
        var features = new FeatureMatrix([FeatureInfo.Numeric("x")], [[1, 2, 3, 4]]);
        var message = Refusal(new TrainingData(features, [0, 1, 0, 1], LearningTask.MulticlassClassification, 3));
        Assert.Contains("Class 2 of 3 has no training rows", message);
    }

    [Fact]
    public void Features_that_are_all_constant_or_missing_are_refused()
    {
        var message = Refusal(Binary([[5, 5, 5, 5], [float.NaN, float.NaN, float.NaN, float.NaN]], [0, 1, 0, 1]));
        Assert.Contains("None of the 2 features varies", message);
    }

    [Fact]
    public void A_constant_feature_is_dropped_and_the_others_kept()
    {
        var model = LinearRecoveryTests.Fit(Binary([[5, 5, 5, 5], [1, 2, 3, 4]], [0, 1, 0, 1]), new LinearOptions());
        Assert.Equal([1], model.Terms.Select(term => term.Feature));
    }

    [Fact]
    public void An_infinite_feature_value_is_refused_naming_the_feature_and_row()
    {
        var message = Refusal(Binary([[1, 2, 3, 4], [0, 1, float.NegativeInfinity, 3]], [0, 1, 0, 1]));
        Assert.Contains("Feature x1 is -Infinity at training row 2", message);
    }

    [Fact]
    public void Missing_feature_values_are_fine()
    {
        var model = LinearRecoveryTests.Fit(Binary([[1, float.NaN, 3, 4, 0, 2]], [0, 1, 0, 1, 0, 1]), new LinearOptions());
        Assert.Single(model.Terms);
    }

    [Theory]
    [InlineData(float.NaN, "The label is NaN at training row 1")]
    [InlineData(float.PositiveInfinity, "The label is Infinity at training row 1")]
    [InlineData(2f, "The label is 2 at training row 1, but a BinaryClassification label must be a class index from 0 to 1")]
    [InlineData(0.5f, "The label is 0.5 at training row 1")]
    public void A_bad_label_is_refused(float label, string expected)
    {
        Assert.Contains(expected, Refusal(Binary([[1, 2, 3, 4]], [0, label, 1, 0])));
    }

    [Fact]
    public void A_non_finite_regression_label_is_refused()
    {
        var features = new FeatureMatrix([FeatureInfo.Numeric("x")], [[1, 2, 3]]);
        var message = Refusal(new TrainingData(features, [1, 2, float.NaN], LearningTask.Regression, 0));
        Assert.Contains("The label is NaN at training row 2", message);
    }

    [Fact]
    public void A_constant_regression_label_is_refused()
    {
        var features = new FeatureMatrix([FeatureInfo.Numeric("x")], [[1, 2, 3]]);
        Assert.Contains("The label is 7 on every training row", Refusal(new TrainingData(features, [7, 7, 7], LearningTask.Regression, 0)));
    }

    [Fact]
    public void Too_few_rows_are_refused()
    {
        Assert.Contains("needs at least 2 training rows, got 1", Refusal(Binary([[1]], [1])));
    }

    [Fact]
    public void A_category_code_out_of_range_is_refused()
    {
        var features = new FeatureMatrix([FeatureInfo.Categorical("colour", ["red", "blue"])], [[0, 1, 2, 0]]);
        var message = Refusal(new TrainingData(features, [0, 1, 0, 1], LearningTask.BinaryClassification, 2));
        Assert.Contains("Categorical feature colour holds 2 at training row 2", message);
    }

    [Fact]
    public void Validation_data_of_another_shape_is_refused()
    {
        var train = Binary([[1, 2, 3, 4]], [0, 1, 0, 1]);
        var validation = Binary([[1, 2], [3, 4]], [0, 1]);
        var error = Assert.Throws<TrainingException>(() => new LinearTrainer(new LinearOptions()).Fit(train, validation));
        Assert.Contains("does not match the training data", error.Message);
    }

    static TrainingData Binary(float[][] columns, float[] labels)
    {
        var features = Enumerable.Range(0, columns.Length).Select(j => FeatureInfo.Numeric($"x{j}")).ToArray();
        return new TrainingData(new FeatureMatrix(features, columns), labels, LearningTask.BinaryClassification, 2);
    }

    static string Refusal(TrainingData data) =>
        Assert.Throws<TrainingException>(() => new LinearTrainer(new LinearOptions()).Fit(data, null)).Message;
}
