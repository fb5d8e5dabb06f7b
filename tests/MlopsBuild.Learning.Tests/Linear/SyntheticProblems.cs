using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Tests.Linear;

/// <summary>
/// Data drawn from known linear models. Features are Gaussian with feature j's mean j and spread 1 + j, so that
/// standardisation has work to do; the true coefficients are on the raw features.
/// </summary>
internal static class SyntheticProblems
{
    public static float[][] Features(int rows, int count, SplitMix64 random)
    {
        var columns = new float[count][];
        for (var j = 0; j < count; j++) columns[j] = new float[rows];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < count; j++)
                columns[j][i] = (float)(j + (1 + j) * random.NextGaussian());
        return columns;
    }

    /// <summary>Row i's true scores: intercepts[k] + Σⱼ weights[k][j] × x_ij.</summary>
    public static double Score(float[][] columns, int row, double intercept, double[] weights)
    {
        var score = intercept;
        for (var j = 0; j < weights.Length; j++) score += weights[j] * columns[j][row];
        return score;
    }

    public static TrainingData Data(float[][] columns, float[] labels, LearningTask task, int classCount)
    {
        var features = Enumerable.Range(0, columns.Length).Select(j => FeatureInfo.Numeric($"x{j}")).ToArray();
        return new TrainingData(new FeatureMatrix(features, columns), labels, task, classCount);
    }

    /// <summary>Binary labels drawn with P(y = 1) = σ(intercept + w·x).</summary>
    public static TrainingData Logistic(int rows, double intercept, double[] weights, ulong seed)
    {
        var random = new SplitMix64(seed);
        var columns = Features(rows, weights.Length, random);
        var labels = new float[rows];
        for (var i = 0; i < rows; i++)
            labels[i] = random.NextUniform() < 1 / (1 + Math.Exp(-Score(columns, i, intercept, weights))) ? 1 : 0;
        return Data(columns, labels, LearningTask.BinaryClassification, 2);
    }

    /// <summary>Classes drawn from softmax(intercepts[k] + weights[k]·x).</summary>
    public static TrainingData Multinomial(int rows, double[] intercepts, double[][] weights, ulong seed)
    {
        var random = new SplitMix64(seed);
        var columns = Features(rows, weights[0].Length, random);
        var labels = new float[rows];
        var probabilities = new double[intercepts.Length];
        for (var i = 0; i < rows; i++)
        {
            TrueProbabilities(columns, i, intercepts, weights, probabilities);
            var u = random.NextUniform();
            var k = 0;
            while (k < probabilities.Length - 1 && (u -= probabilities[k]) >= 0) k++;
            labels[i] = k;
        }
        return Data(columns, labels, LearningTask.MulticlassClassification, intercepts.Length);
    }

    public static void TrueProbabilities(float[][] columns, int row, double[] intercepts, double[][] weights, double[] probabilities)
    {
        for (var k = 0; k < intercepts.Length; k++) probabilities[k] = Math.Exp(Score(columns, row, intercepts[k], weights[k]));
        var sum = probabilities.Sum();
        for (var k = 0; k < probabilities.Length; k++) probabilities[k] /= sum;
    }

    /// <summary>Targets intercept + w·x + Gaussian noise of spread <paramref name="noise"/>.</summary>
    public static TrainingData Linear(int rows, double intercept, double[] weights, double noise, ulong seed)
    {
        var random = new SplitMix64(seed);
        var columns = Features(rows, weights.Length, random);
        var labels = new float[rows];
        for (var i = 0; i < rows; i++) labels[i] = (float)(Score(columns, i, intercept, weights) + noise * random.NextGaussian());
        return Data(columns, labels, LearningTask.Regression, 0);
    }
}
