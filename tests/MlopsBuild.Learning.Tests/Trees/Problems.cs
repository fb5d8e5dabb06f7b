using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Tests.Trees;

/// <summary>Generated learning problems whose answers are known, for accuracy floors.</summary>
internal static class Problems
{
    /// <summary>A deterministic source of uniform and normal numbers (tests must not depend on System.Random's algorithm).</summary>
    internal sealed class Numbers(ulong seed)
    {
        ulong state = seed;

        public double Uniform()
        {
            state += 0x9E3779B97F4A7C15UL;
            var x = state;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return ((x ^ (x >> 31)) >> 11) * (1.0 / (1UL << 53));
        }

        public double Normal() => Math.Sqrt(-2 * Math.Log(1 - Uniform())) * Math.Cos(2 * Math.PI * Uniform());

        public int Below(int count) => (int)(Uniform() * count);
    }

    public static FeatureInfo[] NumericFeatures(int count) => Enumerable.Range(0, count).Select(j => FeatureInfo.Numeric($"x{j}")).ToArray();

    public static TrainingData Data(FeatureInfo[] features, float[][] columns, float[] labels, LearningTask task, int classCount = 0) =>
        new(new FeatureMatrix(features, columns), labels, task, task == LearningTask.BinaryClassification ? 2 : classCount);

    /// <summary>
    /// Binary labels drawn from P(y = 1 | x) = sigmoid(f(x)) with a nonlinear f of 5 informative normal features
    /// (and 3 noise features); also returns each row's true probability, whose AUC is the Bayes-optimal one.
    /// </summary>
    public static (TrainingData Data, double[] TrueProbability) KnownProbability(int rows, ulong seed)
    {
        var numbers = new Numbers(seed);
        var columns = Enumerable.Range(0, 8).Select(_ => new float[rows]).ToArray();
        var labels = new float[rows];
        var probability = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            foreach (var column in columns) column[i] = (float)numbers.Normal();
            double x0 = columns[0][i], x1 = columns[1][i], x2 = columns[2][i], x3 = columns[3][i], x4 = columns[4][i];
            var logit = 1.5 * x0 - x1 * x1 + 2 * Math.Sin(2 * x2) + 1.5 * x3 * x4 + 0.5;
            probability[i] = 1 / (1 + Math.Exp(-logit));
            labels[i] = numbers.Uniform() < probability[i] ? 1 : 0;
        }
        return (Data(NumericFeatures(8), columns, labels, LearningTask.BinaryClassification), probability);
    }

    /// <summary>y = (x0 &gt; 0) XOR (x1 &gt; 0), 5% of labels flipped: no linear model beats a coin here.</summary>
    public static TrainingData Xor(int rows, ulong seed)
    {
        var numbers = new Numbers(seed);
        var columns = Enumerable.Range(0, 4).Select(_ => new float[rows]).ToArray();
        var labels = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            foreach (var column in columns) column[i] = (float)(numbers.Uniform() * 2 - 1);
            var label = columns[0][i] > 0 ^ columns[1][i] > 0;
            if (numbers.Uniform() < 0.05) label = !label;
            labels[i] = label ? 1 : 0;
        }
        return Data(NumericFeatures(4), columns, labels, LearningTask.BinaryClassification);
    }

    /// <summary>y = 2 sin(2 x0) + x1² − x2 + noise (σ = 0.1), x uniform in [−2, 2].</summary>
    public static TrainingData Regression(int rows, ulong seed)
    {
        var numbers = new Numbers(seed);
        var columns = Enumerable.Range(0, 4).Select(_ => new float[rows]).ToArray();
        var labels = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            foreach (var column in columns) column[i] = (float)(numbers.Uniform() * 4 - 2);
            labels[i] = (float)(2 * Math.Sin(2 * columns[0][i]) + columns[1][i] * columns[1][i] - columns[2][i] + 0.1 * numbers.Normal());
        }
        return Data(NumericFeatures(4), columns, labels, LearningTask.Regression);
    }

    /// <summary>Four classes by quadrant of a rotated plane (x0 + x1, x0 − x1), 3% of labels random.</summary>
    public static TrainingData Multiclass(int rows, ulong seed)
    {
        var numbers = new Numbers(seed);
        var columns = Enumerable.Range(0, 3).Select(_ => new float[rows]).ToArray();
        var labels = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            foreach (var column in columns) column[i] = (float)(numbers.Uniform() * 2 - 1);
            var label = (columns[0][i] + columns[1][i] > 0 ? 1 : 0) + (columns[0][i] - columns[1][i] > 0 ? 2 : 0);
            labels[i] = numbers.Uniform() < 0.03 ? numbers.Below(4) : label;
        }
        return Data(NumericFeatures(3), columns, labels, LearningTask.MulticlassClassification, 4);
    }

    /// <summary>
    /// One categorical feature of 40 categories (plus a noise feature); y = 1 exactly for the categories in a
    /// scattered set, so no threshold on the codes separates them, but one categorical split does.
    /// </summary>
    public static TrainingData Categorical(int rows, ulong seed, out bool[] positive)
    {
        const int categories = 40;
        var numbers = new Numbers(seed);
        positive = Enumerable.Range(0, categories).Select(c => c * 7 % 5 < 2).ToArray();
        var codes = new float[rows];
        var noise = new float[rows];
        var labels = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            var code = numbers.Below(categories);
            codes[i] = code;
            noise[i] = (float)numbers.Uniform();
            labels[i] = positive[code] ? 1 : 0;
        }
        FeatureInfo[] features = [FeatureInfo.Categorical("colour", Enumerable.Range(0, categories).Select(c => $"c{c}").ToArray()), FeatureInfo.Numeric("noise")];
        return Data(features, [codes, noise], labels, LearningTask.BinaryClassification);
    }

    /// <summary>x0 is missing for 90% of positives and 10% of negatives, and otherwise uninformative; x1 is noise.</summary>
    public static TrainingData MissingIsInformative(int rows, ulong seed)
    {
        var numbers = new Numbers(seed);
        var x0 = new float[rows];
        var x1 = new float[rows];
        var labels = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            var label = numbers.Uniform() < 0.5;
            labels[i] = label ? 1 : 0;
            x0[i] = numbers.Uniform() < (label ? 0.9 : 0.1) ? float.NaN : (float)numbers.Normal();
            x1[i] = (float)numbers.Normal();
        }
        return Data(NumericFeatures(2), [x0, x1], labels, LearningTask.BinaryClassification);
    }
}
