using System.Text.Json;
using MlopsBuild.Learning.Metrics;

namespace MlopsBuild.Learning.Tests.Metrics;

/// <summary>Every metric against the values scikit-learn 1.2.1 gave for the same rows (see reference_values.py).</summary>
public sealed class SklearnReferenceTests
{
    public static TheoryData<string> BinaryCases => ReferenceCases.Names("binary");

    public static TheoryData<string> MulticlassCases => ReferenceCases.Names("multiclass");

    public static TheoryData<string> RegressionCases => ReferenceCases.Names("regression");

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void Binary_metrics_match_sklearn(string name)
    {
        var item = ReferenceCases.Binary(name);
        var expected = item.GetProperty("expected");
        var metrics = BinaryMetrics.Compute(
            ReferenceCases.Floats(item, "labels"), ReferenceCases.Doubles(item, "probabilities"), item.GetProperty("threshold").GetDouble());

        Assert.Equal(expected.GetProperty("count").GetInt64(), metrics.Count);
        Assert.Equal(expected.GetProperty("positives").GetInt64(), metrics.Positives);
        Assert.Equal(expected.GetProperty("true_positives").GetInt64(), metrics.TruePositives);
        Assert.Equal(expected.GetProperty("false_positives").GetInt64(), metrics.FalsePositives);
        Assert.Equal(expected.GetProperty("true_negatives").GetInt64(), metrics.TrueNegatives);
        Assert.Equal(expected.GetProperty("false_negatives").GetInt64(), metrics.FalseNegatives);
        Assert.Equal(item.GetProperty("threshold").GetDouble(), metrics.Threshold);
        foreach (var value in MetricValues.Of(metrics))
            Close.Equal(ReferenceCases.Number(expected.GetProperty(value.Name)), value.Value, $"{name} {value.Name}");
    }

    [Theory]
    [MemberData(nameof(MulticlassCases))]
    public void Multiclass_metrics_match_sklearn(string name)
    {
        var item = ReferenceCases.Multiclass(name);
        var expected = item.GetProperty("expected");
        var classCount = item.GetProperty("class_count").GetInt32();
        var metrics = MulticlassMetrics.Compute(
            ReferenceCases.Floats(item, "labels"), ReferenceCases.Doubles(item, "probabilities"), classCount);

        Assert.Equal(expected.GetProperty("count").GetInt64(), metrics.Count);
        Assert.Equal(classCount, metrics.ClassCount);
        var confusion = expected.GetProperty("confusion_matrix").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(count => count.GetInt64()).ToArray()).ToArray();
        Assert.Equal(confusion, metrics.ConfusionMatrix);
        foreach (var value in MetricValues.Of(metrics))
            Close.Equal(ReferenceCases.Number(expected.GetProperty(value.Name)), value.Value, $"{name} {value.Name}");
        AssertAllClose(ReferenceCases.Doubles(expected, "precision"), metrics.PerClassPrecision, $"{name} precision");
        AssertAllClose(ReferenceCases.Doubles(expected, "recall"), metrics.PerClassRecall, $"{name} recall");
        AssertAllClose(ReferenceCases.Doubles(expected, "f1"), metrics.PerClassF1, $"{name} f1");
    }

    [Theory]
    [MemberData(nameof(RegressionCases))]
    public void Regression_metrics_match_sklearn(string name)
    {
        var item = ReferenceCases.Regression(name);
        var expected = item.GetProperty("expected");
        var metrics = RegressionMetrics.Compute(ReferenceCases.Floats(item, "labels"), ReferenceCases.Doubles(item, "predictions"));

        Assert.Equal(expected.GetProperty("count").GetInt64(), metrics.Count);
        foreach (var value in MetricValues.Of(metrics))
            Close.Equal(ReferenceCases.Number(expected.GetProperty(value.Name)), value.Value, $"{name} {value.Name}");
    }

    [Fact]
    public void Macro_f1_leaves_out_a_class_neither_present_nor_predicted()
    {
        var item = ReferenceCases.Multiclass("absent_class_k4");
        var metrics = MulticlassMetrics.Compute(ReferenceCases.Floats(item, "labels"), ReferenceCases.Doubles(item, "probabilities"), 4);

        Assert.All(metrics.ConfusionMatrix, row => Assert.Equal(0, row[3]));
        Assert.All(metrics.ConfusionMatrix[3], count => Assert.Equal(0, count));
        Assert.Equal(0, metrics.PerClassF1[3]);
        Close.Equal((metrics.PerClassF1[0] + metrics.PerClassF1[1] + metrics.PerClassF1[2]) / 3, metrics.MacroF1, "macro F1 over 3 classes");
    }

    static void AssertAllClose(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var k = 0; k < expected.Length; k++) Close.Equal(expected[k], actual[k], $"{what}[{k}]");
    }
}
