using MlopsBuild.Learning.Linear;
using MlopsBuild.Learning.Prediction;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Tests.Linear;

/// <summary>Fits data drawn from known linear models and checks the fit finds them.</summary>
public sealed class LinearRecoveryTests
{
    [Fact]
    public void Logistic_regression_recovers_the_true_coefficients_and_reaches_the_true_models_AUC()
    {
        double[] weights = [0.8, -0.5, 0.3, 0];
        const double intercept = -0.5;
        var train = SyntheticProblems.Logistic(50_000, intercept, weights, seed: 1);
        var test = SyntheticProblems.Logistic(20_000, intercept, weights, seed: 2);

        var model = Fit(train, new LinearOptions { L2 = 1e-6 });

        var (fittedIntercept, fittedWeights) = RawCoefficients(model, 0);
        Assert.InRange(fittedIntercept, intercept - 0.1, intercept + 0.1);
        for (var j = 0; j < weights.Length; j++) Assert.InRange(fittedWeights[j], weights[j] - 0.05, weights[j] + 0.05);
        var fittedScores = Scores(model, test);
        var trueScores = Enumerable.Range(0, test.RowCount).Select(i => SyntheticProblems.Score(Columns(test), i, intercept, weights)).ToArray();
        Assert.True(Auc.Of(fittedScores, test.Labels) >= Auc.Of(trueScores, test.Labels) - 0.002);
        Assert.True(LogLoss(fittedScores, test.Labels) <= LogLoss(trueScores, test.Labels) + 0.002);
    }

    [Fact]
    public void Regression_recovers_the_true_coefficients()
    {
        double[] weights = [2, -1, 0.5];
        const double intercept = 3;
        var train = SyntheticProblems.Linear(5_000, intercept, weights, noise: 0.01, seed: 3);

        var model = Fit(train, new LinearOptions { L2 = 1e-9, Tolerance = 1e-10 });

        var (fittedIntercept, fittedWeights) = RawCoefficients(model, 0);
        Assert.InRange(fittedIntercept, intercept - 1e-3, intercept + 1e-3);
        for (var j = 0; j < weights.Length; j++) Assert.InRange(fittedWeights[j], weights[j] - 1e-3, weights[j] + 1e-3);
    }

    [Fact]
    public void Multinomial_regression_reaches_the_true_models_accuracy()
    {
        double[] intercepts = [0.5, 0, -0.5];
        double[][] weights = [[1, -0.5, 0], [-1, 0.2, 0.3], [0, 0.4, -0.3]];
        var train = SyntheticProblems.Multinomial(30_000, intercepts, weights, seed: 4);
        var test = SyntheticProblems.Multinomial(10_000, intercepts, weights, seed: 5);

        var model = Fit(train, new LinearOptions { L2 = 1e-6 });

        var scores = Scores(model, test);
        var probabilities = new double[3];
        int fittedCorrect = 0, bayesCorrect = 0;
        for (var i = 0; i < test.RowCount; i++)
        {
            if (ArgMax(scores.AsSpan(i * 3, 3)) == test.Labels[i]) fittedCorrect++;
            SyntheticProblems.TrueProbabilities(Columns(test), i, intercepts, weights, probabilities);
            if (ArgMax(probabilities) == test.Labels[i]) bayesCorrect++;
        }
        Assert.True(bayesCorrect > 0.6 * test.RowCount, "the problem should be learnable");
        Assert.True(fittedCorrect >= bayesCorrect - 0.01 * test.RowCount, $"fitted {fittedCorrect}, Bayes {bayesCorrect} of {test.RowCount}");
        // Differences between classes' raw weights are identifiable (softmax ignores a common shift).
        for (var j = 0; j < 3; j++)
        {
            var fitted = RawCoefficients(model, 0).Weights[j] - RawCoefficients(model, 1).Weights[j];
            Assert.InRange(fitted, weights[0][j] - weights[1][j] - 0.06, weights[0][j] - weights[1][j] + 0.06);
        }
    }

    internal static LinearModel Fit(TrainingData data, LinearOptions options) => (LinearModel)new LinearTrainer(options).Fit(data, null);

    internal static double[] Scores(LinearModel model, TrainingData data)
    {
        var scores = new double[data.RowCount * model.ScoreCount];
        model.ScoreRows(data.Features, 0, data.RowCount, scores);
        return scores;
    }

    /// <summary>Score <paramref name="score"/>'s intercept and weights on the raw (unstandardised) numeric features.</summary>
    static (double Intercept, double[] Weights) RawCoefficients(LinearModel model, int score)
    {
        var k = model.ScoreCount;
        var intercept = model.Intercepts[score];
        var weights = new double[model.FeatureCount];
        foreach (var term in model.Terms)
        {
            weights[term.Feature] = term.Weights[score] / term.Scale;
            intercept -= term.Weights[score] * term.Mean / term.Scale;
        }
        Assert.Equal(k, model.Intercepts.Length);
        return (intercept, weights);
    }

    static float[][] Columns(TrainingData data) => data.Features.Columns.ToArray();

    static double LogLoss(double[] scores, float[] labels) =>
        scores.Select((score, i) => -Math.Log(labels[i] == 1 ? ScoreTransform.Sigmoid(score) : 1 - ScoreTransform.Sigmoid(score))).Average();

    static int ArgMax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var k = 1; k < values.Length; k++) if (values[k] > values[best]) best = k;
        return best;
    }
}
