using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Trees;

namespace MlopsBuild.Learning.Tests.Trees;

public class TreeEnsembleScoringTests
{
    [Fact]
    public void Batch_scores_equal_row_scores_bit_for_bit_with_missing_and_categorical_values()
    {
        var train = Problems.Categorical(3_000, seed: 51, out _);
        var columns = train.Features.Columns.Select(c => (float[])c.Clone()).ToArray();
        for (var i = 0; i < columns[0].Length; i += 7) columns[i % 2][i] = float.NaN;
        var data = new Learning.Training.TrainingData(new FeatureMatrix(train.Features.Features, columns), train.Labels, train.Task, 2);
        var model = new GbdtTrainer(new GbdtOptions { Trees = 30, MaxLeaves = 8, Threads = 1 }).Fit(data, null);

        // An odd start and count, so blocks do not line up with the matrix.
        AssertBatchEqualsRows(model, data.Features, start: 13, count: 2_901);
    }

    [Fact]
    public void Multiclass_batch_scores_equal_row_scores_bit_for_bit()
    {
        var data = Problems.Multiclass(2_000, seed: 52);
        var model = new GbdtTrainer(new GbdtOptions { Trees = 10, Threads = 1 }).Fit(data, null);

        AssertBatchEqualsRows(model, data.Features, start: 0, count: data.RowCount);
    }

    [Fact]
    public void Scores_equal_the_sum_of_each_trees_leaf_found_by_the_tree_itself_with_and_without_missing_values()
    {
        var (data, _) = Problems.KnownProbability(3_000, seed: 54);
        var columns = data.Features.Columns.Select(c => (float[])c.Clone()).ToArray();
        for (var i = 0; i < 1_000; i += 3) columns[i % 8][i] = float.NaN; // the first third of the rows has gaps
        var withGaps = new Learning.Training.TrainingData(new FeatureMatrix(data.Features.Features, columns), data.Labels, data.Task, 2);
        var model = (TreeEnsemble)new GbdtTrainer(new GbdtOptions { Trees = 37, MaxLeaves = 63, MinSamplesPerLeaf = 5, Threads = 1 }).Fit(withGaps, null);
        var batch = Measures.Scores(model, withGaps);
        var row = new float[8];
        var single = new double[1];

        for (var i = 0; i < withGaps.RowCount; i++)
        {
            withGaps.Features.CopyRow(i, row);
            var expected = model.BaseScores[0];
            foreach (var tree in model.Trees) expected += tree.LeafValue[tree.LeafIndex(row)];
            model.Score(row, single);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(single[0]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(batch[i]));
        }
    }

    [Fact]
    public void Scoring_a_row_allocates_nothing()
    {
        var (data, _) = Problems.KnownProbability(2_000, seed: 53);
        var model = new GbdtTrainer(new GbdtOptions { Trees = 20, Threads = 1 }).Fit(data, null);
        var row = new float[data.Features.FeatureCount];
        var score = new double[1];
        data.Features.CopyRow(0, row);
        model.Score(row, score); // JIT first

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++) model.Score(row, score);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Scores_are_the_base_plus_each_trees_leaf_as_the_layout_defines()
    {
        // Root: x0 ≤ 0.5 (missing right) → leaf 0, else node 1: category in {1, 33} (missing left) → leaf 1, else leaf 2.
        var bits = new uint[] { 0b10, 0b10 };
        var tree = new RegressionTree([0, 1], [0.5f, 0], [false, true], [~0, ~1], [1, ~2], [0, 0], [0, 2], bits, [1, 1], [10, 20, 30]);
        var model = new TreeEnsemble(LearningTask.Regression, 2, [0.25], [tree, tree]);
        Span<double> score = stackalloc double[1];

        (float X, float Category, double Expected)[] cases =
        [
            (0.5f, 0, 20.25), (0.6f, 1, 40.25), (0.6f, 33, 40.25), (0.6f, 2, 60.25),
            (float.NaN, float.NaN, 40.25), (0.6f, 64, 40.25), // unseen code: as missing, which goes left
        ];
        foreach (var (x, category, expected) in cases)
        {
            model.Score([x, category], score);
            Assert.Equal(expected, score[0]);
        }
    }

    [Fact]
    public void An_ensemble_whose_tree_reads_a_feature_it_does_not_have_is_refused_before_it_scores()
    {
        var tree = new RegressionTree([2], [0.5f], [false], [~0], [~1], [0], [0], [], [1], [1, 2]);
        var ensemble = new TreeEnsemble(LearningTask.Regression, 2, [0], [tree]); // compiled for scoring on first use

        var error = Assert.Throws<ArgumentException>(() => ensemble.Score([0f, 0f], new double[1]));
        Assert.StartsWith("Tree 0 splits on feature 2, but the model has 2.", error.Message);
    }

    static void AssertBatchEqualsRows(Prediction.Predictor model, FeatureMatrix matrix, int start, int count)
    {
        var k = model.ScoreCount;
        var batch = new double[count * k];
        model.ScoreRows(matrix, start, count, batch);
        var row = new float[matrix.FeatureCount];
        var single = new double[k];
        for (var i = 0; i < count; i++)
        {
            matrix.CopyRow(start + i, row);
            model.Score(row, single);
            for (var c = 0; c < k; c++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(single[c]), BitConverter.DoubleToInt64Bits(batch[i * k + c]));
        }
    }
}
