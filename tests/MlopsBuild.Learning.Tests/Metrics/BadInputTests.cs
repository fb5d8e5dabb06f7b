using MlopsBuild.Learning.Metrics;

namespace MlopsBuild.Learning.Tests.Metrics;

/// <summary>Bad input is refused with one message that says what is wrong, at which row, and what to do.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void Lengths_that_differ()
    {
        var error = Assert.Throws<ArgumentException>(() => BinaryMetrics.Compute([0, 1, 1], [0.5, 0.5]));

        Assert.Equal("positiveProbabilities", error.ParamName);
        Assert.StartsWith("3 labels but 2 probabilities: pass one per label, in the same row order.", error.Message);
    }

    [Fact]
    public void Multiclass_probabilities_not_k_per_row()
    {
        var error = Assert.Throws<ArgumentException>(() => MulticlassMetrics.Compute([0, 1], [0.5, 0.5, 0.0, 1.0], classCount: 3));

        Assert.StartsWith("2 labels but 4 probabilities: pass 3 per label, in the same row order.", error.Message);
    }

    [Fact]
    public void No_rows()
    {
        var error = Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([], []));

        Assert.Equal("labels", error.ParamName);
        Assert.StartsWith("No rows: metrics need at least one labelled row", error.Message);
    }

    [Fact]
    public void Binary_label_that_is_not_0_or_1()
    {
        var error = Assert.Throws<ArgumentException>(() => BinaryMetrics.Compute([0, 1, 2], [0.1, 0.2, 0.3]));

        Assert.Equal("labels", error.ParamName);
        Assert.StartsWith("Label 2 at row 2 is not 0 or 1:", error.Message);
        Assert.Contains("map the classes to 0/1 first", error.Message);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(1.5, "1.5")]
    [InlineData(-0.25, "-0.25")]
    public void Binary_probability_outside_0_1(double probability, string shown)
    {
        var error = Assert.Throws<ArgumentException>(() => BinaryMetrics.Compute([0, 1], [0.5, probability]));

        Assert.Equal("positiveProbabilities", error.ParamName);
        Assert.StartsWith($"Probability {shown} at row 1 is not in [0, 1]:", error.Message);
        Assert.Contains("apply the sigmoid", error.Message);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Threshold_outside_0_1(double threshold)
    {
        var error = Assert.Throws<ArgumentException>(() => BinaryMetrics.Compute([0, 1], [0.5, 0.5], threshold));

        Assert.Equal("threshold", error.ParamName);
        Assert.Contains("is not in [0, 1]", error.Message);
    }

    [Theory]
    [InlineData(3f)]
    [InlineData(-1f)]
    [InlineData(0.5f)]
    [InlineData(float.NaN)]
    public void Multiclass_label_that_is_not_a_class_index(float label)
    {
        var error = Assert.Throws<ArgumentException>(() => MulticlassMetrics.Compute([0, label], [1.0, 0, 0, 1, 0, 0], classCount: 3));

        Assert.Equal("labels", error.ParamName);
        Assert.StartsWith($"Label {label} at row 1 is not a class index 0 … 2:", error.Message);
    }

    [Fact]
    public void Multiclass_probability_outside_0_1_names_the_class()
    {
        var error = Assert.Throws<ArgumentException>(() => MulticlassMetrics.Compute([0, 1], [1.0, 0, 0, 0.5, 2, 0], classCount: 3));

        Assert.StartsWith("Probability 2 at row 1 is not in [0, 1]: pass class 1's probability", error.Message);
    }

    [Fact]
    public void Fewer_than_two_classes()
    {
        var error = Assert.Throws<ArgumentException>(() => MulticlassMetrics.Compute([0], [1.0], classCount: 1));

        Assert.Equal("classCount", error.ParamName);
    }

    [Fact]
    public void Regression_value_that_is_not_finite()
    {
        var label = Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([1, float.NaN], [1.0, 2.0]));
        var prediction = Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([1, 2], [1.0, double.PositiveInfinity]));

        Assert.StartsWith("The label at row 1 is NaN: metrics need finite values", label.Message);
        Assert.StartsWith("The prediction at row 1 is Infinity: metrics need finite values", prediction.Message);
    }
}
