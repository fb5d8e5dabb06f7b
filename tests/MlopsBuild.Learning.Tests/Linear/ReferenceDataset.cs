using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Tests.Linear;

/// <summary>
/// The 200 rows sklearn_reference.py generates, built the same way: splitmix64 uniforms, float32 features, a
/// feature with missing values and a categorical one, and three labels (binary, 3-class, regression).
/// </summary>
internal static class ReferenceDataset
{
    public const int Rows = 200;

    public static TrainingData Binary() => Build(LearningTask.BinaryClassification);

    public static TrainingData Multiclass() => Build(LearningTask.MulticlassClassification);

    public static TrainingData Regression() => Build(LearningTask.Regression);

    static TrainingData Build(LearningTask task)
    {
        var uniforms = new SplitMix64(12345);
        var x1 = new float[Rows];
        var x2 = new float[Rows];
        var x3 = new float[Rows];
        var colour = new float[Rows];
        var labels = new float[Rows];
        for (var i = 0; i < Rows; i++)
        {
            var u = new double[7];
            for (var j = 0; j < u.Length; j++) u[j] = uniforms.NextUniform();
            x1[i] = (float)(4 * u[0] - 2);
            x2[i] = (float)(10 * u[1] + 5);
            x3[i] = i % 13 == 0 ? float.NaN : (float)(3 * u[2] * u[2]);
            var code = (int)(u[3] * 3);
            colour[i] = code;
            var x3OrMean = float.IsNaN(x3[i]) ? 1.0 : x3[i];
            labels[i] = task switch
            {
                LearningTask.BinaryClassification =>
                    u[4] < 1 / (1 + Math.Exp(-(0.8 * x1[i] - 0.3 * (x2[i] - 10) + 1.2 * x3OrMean - 1 + new[] { 0.5, -0.5, 0.0 }[code]))) ? 1 : 0,
                LearningTask.MulticlassClassification => ClassOf(x1[i] + 0.5 * x3OrMean + 0.3 * code + 2 * (u[5] - 0.5)),
                _ => (float)(2 * x1[i] - 0.5 * x2[i] + 3 * x3OrMean + new[] { 1.0, 0.0, -1.0 }[code] + (u[6] - 0.5)),
            };
        }
        var features = new[]
        {
            FeatureInfo.Numeric("x1"), FeatureInfo.Numeric("x2"), FeatureInfo.Numeric("x3"),
            FeatureInfo.Categorical("colour", ["red", "green", "blue"]),
        };
        var classes = task switch { LearningTask.BinaryClassification => 2, LearningTask.MulticlassClassification => 3, _ => 0 };
        return new TrainingData(new FeatureMatrix(features, [x1, x2, x3, colour]), labels, task, classes);
    }

    static float ClassOf(double score) => score < -0.5 ? 0 : score < 1 ? 1 : 2;
}
