using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Linear;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Tests.Linear;

public sealed class LinearDeterminismTests
{
    [Theory]
    [InlineData(LearningTask.BinaryClassification)]
    [InlineData(LearningTask.MulticlassClassification)]
    [InlineData(LearningTask.Regression)]
    public void The_model_is_the_same_bits_with_1_2_and_4_threads(LearningTask task)
    {
        var data = MixedData(10_001, task); // several row blocks, the last one partial

        var models = new[] { 1, 2, 4 }.Select(threads => LinearRecoveryTests.Fit(data, new LinearOptions { Threads = threads })).ToArray();

        var reference = Bits(models[0]);
        Assert.True(reference.Length > 10);
        foreach (var model in models.Skip(1)) Assert.Equal(reference, Bits(model));
    }

    /// <summary>Every number of the model, as bits: intercepts, then each term's statistics and weights.</summary>
    static long[] Bits(LinearModel model) =>
        model.Intercepts
            .Concat(model.Terms.SelectMany(term => new[] { term.Feature, term.Mean, term.Scale }.Concat(term.Weights)))
            .Select(BitConverter.DoubleToInt64Bits)
            .ToArray();

    /// <summary>Three numeric features (one with missing values) and a categorical one with four categories.</summary>
    static TrainingData MixedData(int rows, LearningTask task)
    {
        var random = new SplitMix64(11);
        var numeric = SyntheticProblems.Features(rows, 3, random);
        var category = new float[rows];
        var labels = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            category[i] = i % 7 == 0 ? float.NaN : (int)(random.NextUniform() * 4);
            if (i % 5 == 0) numeric[2][i] = float.NaN;
            var score = numeric[0][i] - 0.3 * numeric[1][i] + (float.IsNaN(category[i]) ? 0 : category[i] - 1.5) + random.NextGaussian();
            labels[i] = task switch
            {
                LearningTask.BinaryClassification => score > 0 ? 1 : 0,
                LearningTask.MulticlassClassification => score < -1 ? 0 : score < 1 ? 1 : 2,
                _ => (float)score,
            };
        }
        FeatureInfo[] features = [.. Enumerable.Range(0, 3).Select(j => FeatureInfo.Numeric($"x{j}")), FeatureInfo.Categorical("c", ["a", "b", "c", "d"])];
        var classes = task switch { LearningTask.BinaryClassification => 2, LearningTask.MulticlassClassification => 3, _ => 0 };
        return new TrainingData(new FeatureMatrix(features, [.. numeric, category]), labels, task, classes);
    }
}
