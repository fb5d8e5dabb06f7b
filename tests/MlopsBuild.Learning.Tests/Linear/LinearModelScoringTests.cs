using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Linear;

namespace MlopsBuild.Learning.Tests.Linear;

public sealed class LinearModelScoringTests
{
    [Theory]
    [InlineData(LearningTask.BinaryClassification, 1)]
    [InlineData(LearningTask.MulticlassClassification, 3)]
    public void Scoring_rows_column_by_column_gives_the_same_bits_as_scoring_each_row(LearningTask task, int scoreCount)
    {
        var random = new SplitMix64(21);
        const int rows = 300;
        var numeric = new float[rows];
        var category = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            numeric[i] = i % 11 == 0 ? float.NaN : (float)(100 * random.NextGaussian());
            // Codes 0–2, missing, and codes the model does not know (3, −1).
            category[i] = i % 9 == 0 ? float.NaN : (int)(random.NextUniform() * 5) - 1;
        }
        FeatureInfo[] features = [FeatureInfo.Numeric("x"), FeatureInfo.Categorical("c", ["a", "b", "c"])];
        var matrix = new FeatureMatrix(features, [numeric, category]);
        double[] Weights(int count) => Enumerable.Range(0, count).Select(_ => random.NextGaussian()).ToArray();
        var model = new LinearModel(task, features, Weights(scoreCount),
            [new LinearTerm(0, 3.7, 41.3, Weights(scoreCount)), new LinearTerm(1, 0, 1, Weights(3 * scoreCount))]);

        const int start = 17, count = 250;
        var columnWise = new double[count * scoreCount];
        model.ScoreRows(matrix, start, count, columnWise);

        var row = new float[2];
        var rowWise = new double[scoreCount];
        for (var i = 0; i < count; i++)
        {
            matrix.CopyRow(start + i, row);
            model.Score(row, rowWise);
            for (var s = 0; s < scoreCount; s++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(rowWise[s]), BitConverter.DoubleToInt64Bits(columnWise[i * scoreCount + s]));
        }
        Assert.NotEqual(model.Intercepts[0], columnWise[0]);
    }
}
