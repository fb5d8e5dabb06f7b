using MlopsBuild.Data.Schema;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Linear;
using MlopsBuild.Learning.Training;
using MlopsBuild.Learning.Trees;

namespace MlopsBuild.Learning.Tests.Persistence;

/// <summary>Hand-built models covering what a model file must carry, and random rows to score them on.</summary>
internal static class TestModels
{
    static readonly string[] Regions = ["north", "south", "east", "west", "café", "ünïcode \"quoted\""];

    /// <summary>Inputs: a number, a 40-category column (two category words), a boolean, a date-time and an integer.</summary>
    public static IReadOnlyList<InputColumn> Inputs() =>
    [
        new("income", ColumnType.Numeric, []),
        new("shop", ColumnType.Categorical, Enumerable.Range(0, 40).Select(i => $"shop-{i}").ToArray()),
        new("member", ColumnType.Boolean, []),
        new("joined", ColumnType.DateTime, []),
        new("region", ColumnType.Categorical, Regions),
        new("visits", ColumnType.Integer, []),
    ];

    public static TrainingMetadata Metadata(string trainer) => new(
        trainer,
        new Dictionary<string, string> { ["learning_rate"] = "0.1", ["max_depth"] = "6", ["l2"] = "1E-06" },
        Seed: 18_446_744_073_709_551_615,
        DataFingerprint: "sha256:0123456789abcdef",
        TrainingRows: 123_456_789_012);

    public static TrainedModel BinaryTrees() => TreeModel(LearningTask.BinaryClassification, ["no", "yes"], scoreCount: 1, treesPerScore: 4, seed: 1);

    public static TrainedModel MulticlassTrees() => TreeModel(LearningTask.MulticlassClassification, ["low", "mid", "high"], scoreCount: 3, treesPerScore: 3, seed: 2);

    public static TrainedModel RegressionTrees() => TreeModel(LearningTask.Regression, [], scoreCount: 1, treesPerScore: 5, seed: 3);

    public static TrainedModel BinaryLinear() => LinearModelOf(LearningTask.BinaryClassification, ["no", "yes"], scoreCount: 1, seed: 4);

    public static TrainedModel MultinomialLinear() => LinearModelOf(LearningTask.MulticlassClassification, ["a", "b", "c", "d"], scoreCount: 4, seed: 5);

    public static TrainedModel RegressionLinear() => LinearModelOf(LearningTask.Regression, [], scoreCount: 1, seed: 6);

    public static TheoryData<string> Names() => new(All().Keys);

    public static TrainedModel ByName(string name) => All()[name]();

    static Dictionary<string, Func<TrainedModel>> All() => new()
    {
        ["binary trees"] = BinaryTrees,
        ["multiclass trees"] = MulticlassTrees,
        ["regression trees"] = RegressionTrees,
        ["binary linear"] = BinaryLinear,
        ["multinomial linear"] = MultinomialLinear,
        ["regression linear"] = RegressionLinear,
    };

    static TrainedModel TreeModel(LearningTask task, string[] classes, int scoreCount, int treesPerScore, int seed)
    {
        var random = new Random(seed);
        var features = Signature(task, classes).Features();
        var trees = new List<RegressionTree>();
        for (var t = 0; t < scoreCount * treesPerScore; t++) trees.Add(RandomTree(random, features, depth: 1 + t % 4));
        trees.Add(Stump(random.NextDouble()));
        for (var k = 1; k < scoreCount; k++) trees.Add(Stump(-random.NextDouble()));
        var baseScores = Enumerable.Range(0, scoreCount).Select(_ => random.NextDouble() - 0.5).ToArray();
        return new TrainedModel(Signature(task, classes), new TreeEnsemble(task, features.Count, baseScores, trees), Metadata("gbdt"));
    }

    static ModelSignature Signature(LearningTask task, string[] classes) => new(
        Inputs(), "outcome", task == LearningTask.Regression ? ColumnType.Numeric : ColumnType.Categorical, classes);

    /// <summary>A tree with no split: one leaf.</summary>
    static RegressionTree Stump(double value) => new([], [], [], [], [], [], [], [], [], [value]);

    /// <summary>
    /// A complete tree of the given depth, nodes numbered breadth-first: numeric splits with random thresholds and
    /// missing directions, and category-set splits on the categorical features.
    /// </summary>
    static RegressionTree RandomTree(Random random, IReadOnlyList<FeatureInfo> features, int depth)
    {
        var nodes = (1 << depth) - 1;
        var feature = new int[nodes];
        var threshold = new float[nodes];
        var defaultLeft = new bool[nodes];
        var left = new int[nodes];
        var right = new int[nodes];
        var categoryStart = new int[nodes];
        var categoryLength = new int[nodes];
        var bits = new List<uint>();
        var gain = new double[nodes];
        for (var node = 0; node < nodes; node++)
        {
            feature[node] = random.Next(features.Count);
            defaultLeft[node] = random.Next(2) == 0;
            gain[node] = random.NextDouble() * 100;
            var firstChild = 2 * node + 1;
            left[node] = firstChild < nodes ? firstChild : ~(firstChild - nodes);
            right[node] = firstChild + 1 < nodes ? firstChild + 1 : ~(firstChild + 1 - nodes);
            var info = features[feature[node]];
            if (info.Kind == FeatureKind.Categorical)
            {
                var words = (info.CategoryCount + 31) / 32;
                categoryStart[node] = bits.Count;
                categoryLength[node] = words;
                for (var w = 0; w < words; w++) bits.Add((uint)random.NextInt64(0, 1L << 32));
            }
            else
            {
                threshold[node] = info.Kind == FeatureKind.Boolean ? 0.5f : (float)(random.NextDouble() * 2 - 1) * 100;
            }
        }
        var leaves = Enumerable.Range(0, nodes + 1).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        return new RegressionTree(feature, threshold, defaultLeft, left, right, categoryStart, categoryLength, [.. bits], gain, leaves);
    }

    static TrainedModel LinearModelOf(LearningTask task, string[] classes, int scoreCount, int seed)
    {
        var random = new Random(seed);
        var signature = Signature(task, classes);
        var features = signature.Features();
        // Every feature but "joined" (index 3) has a term, in an order that is not the features' order.
        int[] termFeatures = [4, 0, 1, 2, 5];
        var terms = termFeatures.Select(j =>
        {
            var weights = features[j].Kind == FeatureKind.Categorical ? features[j].CategoryCount * scoreCount : scoreCount;
            return new LinearTerm(j, random.NextDouble() * 50, 0.5 + random.NextDouble() * 20,
                Enumerable.Range(0, weights).Select(_ => random.NextDouble() * 4 - 2).ToArray());
        }).ToArray();
        var intercepts = Enumerable.Range(0, scoreCount).Select(_ => random.NextDouble() - 0.5).ToArray();
        return new TrainedModel(signature, new LinearModel(task, features, intercepts, terms), Metadata("linear"));
    }

    /// <summary>
    /// Random feature rows: numbers across the thresholds, 15% missing, and category codes past the known ones
    /// (unseen categories, which every predictor treats as missing).
    /// </summary>
    public static float[][] RandomRows(IReadOnlyList<FeatureInfo> features, int count, int seed)
    {
        var random = new Random(seed);
        var rows = new float[count][];
        for (var i = 0; i < count; i++)
        {
            rows[i] = new float[features.Count];
            for (var j = 0; j < features.Count; j++)
            {
                rows[i][j] = random.NextDouble() < 0.15 ? float.NaN : features[j].Kind switch
                {
                    FeatureKind.Categorical => random.Next(features[j].CategoryCount + 40),
                    FeatureKind.Boolean => random.Next(2),
                    _ => (float)(random.NextDouble() * 240 - 120),
                };
            }
        }
        return rows;
    }

    /// <summary>Every row's raw scores, one after another.</summary>
    public static double[] Scores(TrainedModel model, float[][] rows)
    {
        var k = model.Predictor.ScoreCount;
        var scores = new double[rows.Length * k];
        for (var i = 0; i < rows.Length; i++) model.Predictor.Score(rows[i], scores.AsSpan(i * k, k));
        return scores;
    }
}
