using MlopsBuild.Learning.Linear;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Tests.Linear;

/// <summary>
/// The optimum matches scikit-learn 1.2.1 on the same 200 rows with the equivalent regularisation (L2 = 0.01, i.e.
/// LogisticRegression C = 1 / (L2 × N) = 0.5 and Ridge alpha = L2 × N = 2). The expected numbers were printed by
/// sklearn_reference.py, beside this file. Coefficient order: x1, x2, x3 (standardised), then colour's one-hot columns.
/// </summary>
public sealed class SklearnReferenceTests
{
    const double Agreement = 1e-4;
    static readonly LinearOptions Options = new() { L2 = 0.01, Tolerance = 1e-10, MaxIterations = 1000 };

    [Fact]
    public void The_dataset_is_the_one_the_script_generated()
    {
        Assert.Equal(114, ReferenceDataset.Binary().Labels.Count(label => label == 1));
        var classes = ReferenceDataset.Multiclass().Labels;
        Assert.Equal([41, 61, 98], Enumerable.Range(0, 3).Select(k => classes.Count(label => label == k)));
    }

    [Fact]
    public void Binary_logistic_regression_matches_sklearn()
    {
        var model = Fit(ReferenceDataset.Binary());
        AssertClose([0.4050682211], model.Intercepts);
        AssertClose([0.6731058311, -0.5929096399, 0.9045858907, 0.3296717660, -0.2055805558, -0.1240912102], Coefficients(model, 0));
    }

    [Fact]
    public void Multinomial_logistic_regression_matches_sklearn()
    {
        var model = Fit(ReferenceDataset.Multiclass());
        var mean = model.Intercepts.Average();
        AssertClose([-1.3630607524, 0.6654416712, 0.6976190812], model.Intercepts.Select(b => b - mean).ToArray());
        AssertClose([-2.0538301685, -0.0977652126, -0.7910103443, 0.7265653297, -0.1390546968, -0.5875106333], Coefficients(model, 0));
        AssertClose([-0.3467832095, -0.1498214867, -0.0783803712, -0.1989051942, 0.1103612560, 0.0885439386], Coefficients(model, 1));
        AssertClose([2.4006133779, 0.2475866993, 0.8693907154, -0.5276601355, 0.0286934408, 0.4989666947], Coefficients(model, 2));
    }

    [Fact]
    public void Ridge_regression_matches_sklearn()
    {
        var model = Fit(ReferenceDataset.Regression());
        AssertClose([-1.6137540963], model.Intercepts);
        AssertClose([2.4566676127, -1.4443470402, 2.6882881379, 0.9831202590, -0.0050814041, -0.9780388548], Coefficients(model, 0));
    }

    static LinearModel Fit(TrainingData data) => (LinearModel)new LinearTrainer(Options).Fit(data, null);

    /// <summary>Score <paramref name="score"/>'s weights in sklearn's column order.</summary>
    static double[] Coefficients(LinearModel model, int score)
    {
        Assert.Equal([0, 1, 2, 3], model.Terms.Select(term => term.Feature));
        var k = model.ScoreCount;
        var numeric = model.Terms.Take(3).Select(term => term.Weights[score]);
        var colour = Enumerable.Range(0, 3).Select(category => model.Terms[3].Weights[category * k + score]);
        return numeric.Concat(colour).ToArray();
    }

    static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Agreement, $"coefficient {i}: sklearn {expected[i]:R}, ours {actual[i]:R}");
    }
}
