using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Trees;

namespace MlopsBuild.Learning.Tests.Trees;

/// <summary>
/// The scoring layout against each tree's own walk (<see cref="RegressionTree.LeafIndex"/>): random lopsided trees
/// with numeric and categorical splits, rows full of the values that trip comparisons up (missing values, unseen and
/// odd categories, −0 beside +0, infinities, values equal to thresholds), for every task shape and for tree counts
/// that leave lanes with no tree, one, several, and uneven numbers of trees. Scores must equal the sum in tree order
/// bit for bit: the leaf values span six orders of magnitude, so a wrong leaf or another order of additions shows.
/// </summary>
public class CompiledForestTests
{
    const int Numeric = 4;
    const int Categorical = 2;
    const int Categories = 40;

    static readonly float[] Thresholds = [-1f, -0.5f, -0f, 0f, 0.5f, 1f, 2.5f];

    [Theory]
    [InlineData(LearningTask.BinaryClassification, 1, 1)] // one tree: seven lanes have none
    [InlineData(LearningTask.BinaryClassification, 1, 8)] // one tree per lane
    [InlineData(LearningTask.BinaryClassification, 1, 13)] // lanes with one tree and with two
    [InlineData(LearningTask.Regression, 1, 40)]
    [InlineData(LearningTask.MulticlassClassification, 3, 21)]
    [InlineData(LearningTask.MulticlassClassification, 3, 99)]
    public void Row_and_batch_scores_equal_the_sum_of_each_trees_own_walk_bit_for_bit(LearningTask task, int scoreCount, int treeCount)
    {
        var numbers = new Problems.Numbers((ulong)(treeCount * 31 + scoreCount));
        // Every seventh tree has no split (from the first), the others up to 40 splits in a lopsided shape.
        var trees = Enumerable.Range(0, treeCount).Select(t => RandomTree(numbers, nodes: t % 7 == 0 ? 0 : 1 + numbers.Below(40))).ToArray();
        var baseScores = Enumerable.Range(0, scoreCount).Select(_ => numbers.Normal()).ToArray();

        AssertScoresAreTheTreesSum(new TreeEnsemble(task, Numeric + Categorical, baseScores, trees), RandomRows(numbers, 301));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_hundred_leaf_wise_trees_of_up_to_64_leaves_score_as_the_trees_do(int scoreCount)
    {
        // The shape the goals are set for: lanes walk a dozen trees each, whose depths vary a lot from row to row. Trees
        // this size each get a region of their own, by which a row scored alone is walked (RegionSlots); the smaller,
        // more uneven trees of the other tests are walked by their nodes' records.
        var numbers = new Problems.Numbers((ulong)(100 + scoreCount));
        var trees = Enumerable.Range(0, 99).Select(t => RandomTree(numbers, nodes: 32 + numbers.Below(32), categorical: false)).ToArray();
        var baseScores = Enumerable.Range(0, scoreCount).Select(_ => numbers.Normal()).ToArray();

        AssertScoresAreTheTreesSum(new TreeEnsemble(LearningTask.Regression, Numeric + Categorical, baseScores, trees), RandomRows(numbers, 500));
    }

    [Fact]
    public void Trees_walked_by_region_score_as_the_trees_do_with_trees_of_no_split_among_them()
    {
        // Trees with no split take a region too, and their slots (after the parking node's) are filled before the walk.
        var numbers = new Problems.Numbers(110);
        var trees = Enumerable.Range(0, 60).Select(t => RandomTree(numbers, nodes: t % 9 == 4 ? 0 : 40 + numbers.Below(24))).ToArray();

        AssertScoresAreTheTreesSum(new TreeEnsemble(LearningTask.Regression, Numeric + Categorical, [0.25], trees), RandomRows(numbers, 300));
    }

    [Fact]
    public void The_random_forests_tell_a_changed_order_of_additions_apart()
    {
        // Guards the tests above: summing each lane's trees together (0, 8, 16, …, then 1, 9, …) must give other
        // bits than tree order for many rows, or the bit-for-bit checks could not see such a change.
        var numbers = new Problems.Numbers(40 * 31 + 1);
        var trees = Enumerable.Range(0, 40).Select(t => RandomTree(numbers, nodes: t % 7 == 0 ? 0 : 1 + numbers.Below(40))).ToArray();
        var matrix = RandomRows(numbers, 301);
        var row = new float[matrix.FeatureCount];
        var differ = 0;
        for (var i = 0; i < matrix.RowCount; i++)
        {
            matrix.CopyRow(i, row);
            var leafValues = trees.Select(tree => tree.LeafValue[tree.LeafIndex(row)]).ToArray();
            var treeOrder = leafValues.Aggregate(0.5, (sum, value) => sum + value);
            var laneOrder = Enumerable.Range(0, leafValues.Length).OrderBy(t => t % 8).Aggregate(0.5, (sum, t) => sum + leafValues[t]);
            if (treeOrder != laneOrder) differ++;
        }

        Assert.True(differ > matrix.RowCount / 4, $"{differ} of {matrix.RowCount} rows");
    }

    [Fact]
    public void Numeric_forests_score_rows_with_and_without_missing_values_as_the_trees_do()
    {
        // A missing value goes left or right by the node, through the row group's two copies of each key; rows with
        // and without gaps share groups of eight here.
        var numbers = new Problems.Numbers(77);
        var trees = Enumerable.Range(0, 30).Select(_ => RandomTree(numbers, nodes: 1 + numbers.Below(60), categorical: false)).ToArray();
        var model = new TreeEnsemble(LearningTask.Regression, Numeric + Categorical, [0.5], trees);
        var matrix = RandomRows(numbers, 200, missingShare: 0);
        var columns = matrix.Columns.Select(c => (float[])c.Clone()).ToArray();
        for (var i = 100; i < 200; i += 9) columns[i % Numeric][i] = float.NaN; // only the second half has gaps
        for (var f = 0; f < Numeric; f++) columns[f][150] = float.NaN; // and one row misses every number

        AssertScoresAreTheTreesSum(model, new FeatureMatrix(matrix.Features, columns));
    }

    [Fact]
    public void Trees_reading_features_past_the_first_eight_score_as_the_trees_do()
    {
        // A row scored alone has its keys written eight at a time, the rest one by one: the trees' features here are
        // 11 to 16 of 17, on both sides of that line, after eleven the trees never read.
        const int Before = 11;
        var numbers = new Problems.Numbers(17);
        var trees = Enumerable.Range(0, 20).Select(_ => Shifted(RandomTree(numbers, nodes: 1 + numbers.Below(40)), Before)).ToArray();
        var rows = RandomRows(numbers, 200);
        var filler = Enumerable.Range(0, Before).Select(_ => Enumerable.Range(0, rows.RowCount).Select(_ => (float)numbers.Normal()).ToArray());
        var matrix = new FeatureMatrix([.. Problems.NumericFeatures(Before), .. rows.Features], [.. filler, .. rows.Columns]);

        AssertScoresAreTheTreesSum(new TreeEnsemble(LearningTask.Regression, matrix.FeatureCount, [0.5], trees), matrix);
    }

    [Theory]
    [InlineData(1, 1)] // seven lanes with no tree
    [InlineData(1, 13)] // lanes with one tree and with two
    [InlineData(1, 100)]
    [InlineData(3, 99)]
    public void Numeric_forests_of_trees_this_size_score_rows_alone_in_the_compact_layout_as_the_trees_do(int scoreCount, int treeCount)
    {
        // Trees of 40 to 63 splits, every seventh with none (from the fourth), rows with missing values: all fit the
        // compact layout, where a row scored alone is walked.
        var numbers = new Problems.Numbers((ulong)(treeCount * 7 + scoreCount));
        var trees = Enumerable.Range(0, treeCount).Select(t => RandomTree(numbers, nodes: t % 7 == 3 ? 0 : 40 + numbers.Below(24), categorical: false)).ToArray();
        var baseScores = Enumerable.Range(0, scoreCount).Select(_ => numbers.Normal()).ToArray();

        Assert.NotNull(CompactForest.TryBuild(trees, Numeric + Categorical));
        AssertScoresAreTheTreesSum(new TreeEnsemble(LearningTask.Regression, Numeric + Categorical, baseScores, trees), RandomRows(numbers, 300));
    }

    [Theory]
    [InlineData(1)] // rows walk the compact layout, adding as they go
    [InlineData(2)] // rows walk the other layout
    public void Rows_scored_in_the_compact_layout_add_trees_of_no_split_in_their_turn(int scoreCount)
    {
        // Rows walk every tree, those with no split included: here the first, the last, two in a row and one alone.
        var numbers = new Problems.Numbers((ulong)(60 + scoreCount));
        int[] unsplit = [0, 5, 6, 11, 19];
        var trees = Enumerable.Range(0, 20).Select(t => RandomTree(numbers, nodes: unsplit.Contains(t) ? 0 : 40 + numbers.Below(24), categorical: false)).ToArray();
        var baseScores = Enumerable.Range(0, scoreCount).Select(_ => numbers.Normal()).ToArray();

        Assert.NotNull(CompactForest.TryBuild(trees, Numeric + Categorical));
        AssertScoresAreTheTreesSum(new TreeEnsemble(LearningTask.Regression, Numeric + Categorical, baseScores, trees), RandomRows(numbers, 203));
    }

    [Fact]
    public void The_compact_layout_keeps_a_sum_of_negative_zeros_negative()
    {
        // The compact walk adds −0 while it waits for a tree's leaf: a sum of −0s must stay −0 (adding +0 would not).
        var numbers = new Problems.Numbers(9);
        var trees = Enumerable.Range(0, 30).Select(_ => RandomTree(numbers, nodes: 40 + numbers.Below(24), categorical: false))
            .Select(tree => new RegressionTree(
                tree.Feature, tree.Threshold, tree.DefaultLeft, tree.Left, tree.Right, tree.CategoryStart, tree.CategoryLength,
                tree.CategoryBits, tree.Gain, tree.LeafValue.Select(_ => -0.0).ToArray()))
            .ToArray();

        Assert.NotNull(CompactForest.TryBuild(trees, Numeric + Categorical));
        AssertScoresAreTheTreesSum(new TreeEnsemble(LearningTask.Regression, Numeric + Categorical, [-0.0], trees), RandomRows(numbers, 50));
    }

    [Fact]
    public void The_compact_layout_reads_keys_up_to_the_widths_of_its_fields()
    {
        // Keys of 128 features (each twice) fit a node's 8 bits, and of 129 do not. The trees read features 122 to 125,
        // whose keys for missing values going left are near the top of that range.
        var numbers = new Problems.Numbers(128);
        var rows = RandomRows(numbers, 100);
        var before = 128 - (Numeric + Categorical);
        var trees = Enumerable.Range(0, 20).Select(_ => Shifted(RandomTree(numbers, nodes: 40 + numbers.Below(24), categorical: false), before)).ToArray();
        var filler = Enumerable.Range(0, before).Select(_ => Enumerable.Range(0, rows.RowCount).Select(_ => (float)numbers.Normal()).ToArray());
        var matrix = new FeatureMatrix([.. Problems.NumericFeatures(before), .. rows.Features], [.. filler, .. rows.Columns]);

        Assert.NotNull(CompactForest.TryBuild(trees, matrix.FeatureCount));
        Assert.Null(CompactForest.TryBuild(trees, matrix.FeatureCount + 1));
        AssertScoresAreTheTreesSum(new TreeEnsemble(LearningTask.Regression, matrix.FeatureCount, [0.5], trees), matrix);
    }

    [Fact]
    public void Forests_the_compact_layout_does_not_fit_are_left_to_the_other()
    {
        var numbers = new Problems.Numbers(3);
        var sized = Enumerable.Range(0, 20).Select(_ => RandomTree(numbers, nodes: 40, categorical: false)).ToArray();
        Assert.NotNull(CompactForest.TryBuild(sized, Numeric + Categorical));

        // A categorical split.
        Assert.Null(CompactForest.TryBuild([.. sized, RandomTree(numbers, nodes: 40, categorical: true)], Numeric + Categorical));
        // A tree of more nodes than its region holds.
        Assert.Null(CompactForest.TryBuild([.. sized, RandomTree(numbers, nodes: 200, categorical: false)], Numeric + Categorical));
        // Trees so small their regions would be mostly empty.
        Assert.Null(CompactForest.TryBuild(Enumerable.Range(0, 20).Select(_ => RandomTree(numbers, nodes: 3, categorical: false)).ToArray(), Numeric + Categorical));
    }

    [Fact]
    public void Ordered_keys_compare_as_the_numbers_do()
    {
        float[] values =
        [
            float.NegativeInfinity, float.MinValue, -1e30f, -2f, -1f, -float.Epsilon, -0f, 0f, float.Epsilon,
            1e-38f, 0.5f, 1f, 1.0000001f, 3e38f, float.MaxValue, float.PositiveInfinity,
        ];
        foreach (var a in values)
        foreach (var b in values)
            Assert.Equal(a <= b, OrderedKey.Of(a) <= OrderedKey.Of(b));
        Assert.Equal(OrderedKey.Missing, OrderedKey.Of(float.NaN));
        Assert.True(OrderedKey.Of(float.PositiveInfinity) < OrderedKey.Missing);
        Assert.True(OrderedKey.MissingGoingLeft < OrderedKey.Of(float.NegativeInfinity));
        foreach (var value in values.Where(v => v != 0)) Assert.Equal(value, OrderedKey.ValueOf(OrderedKey.Of(value)));
        Assert.True(float.IsNaN(OrderedKey.ValueOf(OrderedKey.Missing)));
        Assert.True(float.IsNaN(OrderedKey.ValueOf(OrderedKey.MissingGoingLeft)));
    }

    [Fact]
    public void A_tree_with_a_NaN_threshold_is_refused()
    {
        var tree = new RegressionTree([0], [float.NaN], [false], [~0], [~1], [0], [0], [], [1], [1, 2]);
        var ensemble = new TreeEnsemble(LearningTask.Regression, 1, [0], [tree]);

        var error = Assert.Throws<ArgumentException>(() => ensemble.Score([0f], new double[1]));
        Assert.StartsWith("Tree 0 has a NaN threshold.", error.Message);
    }

    /// <summary>
    /// Scores every row alone and in one batch (starting and ending off a group of eight rows) and checks both against
    /// the base scores plus each tree's leaf value, added in tree order.
    /// </summary>
    static void AssertScoresAreTheTreesSum(TreeEnsemble model, FeatureMatrix matrix)
    {
        var scoreCount = model.ScoreCount;
        var start = 5;
        var count = matrix.RowCount - 12;
        var batch = new double[count * scoreCount];
        model.ScoreRows(matrix, start, count, batch);
        var row = new float[matrix.FeatureCount];
        var single = new double[scoreCount];
        for (var i = 0; i < count; i++)
        {
            matrix.CopyRow(start + i, row);
            var expected = (double[])model.BaseScores.Clone();
            for (var t = 0; t < model.Trees.Count; t++) expected[t % scoreCount] += model.Trees[t].LeafValue[model.Trees[t].LeafIndex(row)];
            model.Score(row, single);
            for (var k = 0; k < scoreCount; k++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected[k]), BitConverter.DoubleToInt64Bits(single[k]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected[k]), BitConverter.DoubleToInt64Bits(batch[i * scoreCount + k]));
            }
        }
    }

    /// <summary>
    /// A tree grown by splitting a random leaf <paramref name="nodes"/> times, so its shape is as lopsided as a
    /// leaf-wise tree's. Categorical splits read features 4 and 5, with sets of 1 or 2 words.
    /// </summary>
    static RegressionTree RandomTree(Problems.Numbers numbers, int nodes, bool categorical = true)
    {
        var left = new int[nodes];
        var right = new int[nodes];
        // Open child slots as (node, is left); a slot left open at the end becomes a leaf.
        var open = new List<(int Node, bool Left)>();
        for (var node = 0; node < nodes; node++)
        {
            if (node > 0)
            {
                var at = numbers.Below(open.Count);
                var (parent, isLeft) = open[at];
                open.RemoveAt(at);
                if (isLeft) left[parent] = node;
                else right[parent] = node;
            }
            open.Add((node, true));
            open.Add((node, false));
        }
        for (var leaf = 0; leaf < open.Count; leaf++)
        {
            var (parent, isLeft) = open[leaf];
            if (isLeft) left[parent] = ~leaf;
            else right[parent] = ~leaf;
        }

        var feature = new int[nodes];
        var threshold = new float[nodes];
        var defaultLeft = new bool[nodes];
        var categoryStart = new int[nodes];
        var categoryLength = new int[nodes];
        var bits = new List<uint>();
        for (var node = 0; node < nodes; node++)
        {
            defaultLeft[node] = numbers.Uniform() < 0.5;
            if (categorical && numbers.Uniform() < 0.3)
            {
                feature[node] = Numeric + numbers.Below(Categorical);
                categoryStart[node] = bits.Count;
                categoryLength[node] = 1 + numbers.Below(2);
                for (var w = 0; w < categoryLength[node]; w++) bits.Add((uint)(numbers.Uniform() * uint.MaxValue));
            }
            else
            {
                feature[node] = numbers.Below(Numeric);
                threshold[node] = Thresholds[numbers.Below(Thresholds.Length)];
            }
        }
        var leafValues = Enumerable.Range(0, nodes + 1).Select(_ => numbers.Normal() * Math.Pow(10, numbers.Below(6) - 3)).ToArray();
        return new RegressionTree(feature, threshold, defaultLeft, left, right, categoryStart, categoryLength, bits.ToArray(), new double[nodes], leafValues);
    }

    /// <summary>The tree reading feature f + <paramref name="by"/> where <paramref name="tree"/> reads f.</summary>
    static RegressionTree Shifted(RegressionTree tree, int by) => new(
        tree.Feature.Select(f => f + by).ToArray(), tree.Threshold, tree.DefaultLeft, tree.Left, tree.Right,
        tree.CategoryStart, tree.CategoryLength, tree.CategoryBits, tree.Gain, tree.LeafValue);

    /// <summary>Numeric values on and around the thresholds (−0, ±∞ too); category codes in and past the sets, negative, fractional, huge.</summary>
    static FeatureMatrix RandomRows(Problems.Numbers numbers, int rows, double missingShare = 0.1)
    {
        float[] numericValues = [.. Thresholds, -0f, 0.25f, -3f, float.PositiveInfinity, float.NegativeInfinity];
        float[] codes = [-1f, 2.5f, 1e10f, Categories + 30];
        var columns = Enumerable.Range(0, Numeric + Categorical).Select(_ => new float[rows]).ToArray();
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < Numeric; j++)
                columns[j][i] = numbers.Uniform() < 0.5 ? numericValues[numbers.Below(numericValues.Length)] : (float)numbers.Normal();
            for (var j = Numeric; j < Numeric + Categorical; j++)
                columns[j][i] = numbers.Uniform() < 0.9 ? numbers.Below(Categories + 30) : codes[numbers.Below(codes.Length)];
            foreach (var column in columns)
                if (numbers.Uniform() < missingShare) column[i] = float.NaN;
        }
        var features = Problems.NumericFeatures(Numeric)
            .Concat(Enumerable.Range(0, Categorical).Select(j => FeatureInfo.Categorical($"c{j}", Enumerable.Range(0, Categories).Select(c => $"v{c}").ToArray())))
            .ToArray();
        return new FeatureMatrix(features, columns);
    }
}
