using MlopsBuild.Learning.Trees;
using MlopsBuild.Learning.Trees.Boosting;

namespace MlopsBuild.Learning.Tests.Trees;

public class TreeGrowerTests
{
    [Fact]
    public void Leaves_hold_their_rows_ascending_and_exactly_the_rows_the_tree_sends_there_when_partitioned_in_parallel_chunks()
    {
        // More rows than one partition chunk (16,384), so the chunked, threaded path runs.
        var (train, _) = Problems.KnownProbability(150_000, seed: 71);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 2 };
        var data = BinnedDataset.Create(train.Features, maxBins: 255, parallel);
        var grower = new TreeGrower(data, new SplitRules(1, 20, 0), maxLeaves: 31, maxDepth: 0, parallel);
        var gradients = train.Labels.Select(l => new GradientPair { Gradient = 0.5 - l, Hessian = 0.25 }).ToArray();

        var tree = grower.Grow(gradients, Enumerable.Range(0, train.RowCount).ToArray(), Enumerable.Range(0, 8).ToArray(), learningRate: 1);

        Assert.Equal(31, tree.LeafCount);
        var seen = 0;
        for (var leaf = 0; leaf < tree.LeafCount; leaf++)
        {
            var rows = grower.LeafRows(leaf).ToArray();
            seen += rows.Length;
            Assert.All(rows.Zip(rows.Skip(1)), pair => Assert.True(pair.First < pair.Second));
            Assert.All(rows, row => Assert.Equal(leaf, tree.LeafOf(data, row)));
        }
        Assert.Equal(train.RowCount, seen);
    }

    [Fact]
    public void Leaf_values_reach_every_row_through_the_leaf_it_falls_in_when_the_last_level_of_splits_is_left_unparted()
    {
        var (train, _) = Problems.KnownProbability(60_000, seed: 73);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 2 };
        var data = BinnedDataset.Create(train.Features, maxBins: 255, parallel);
        var grower = new TreeGrower(data, new SplitRules(1, 20, 0), maxLeaves: 64, maxDepth: 4, parallel);
        var gradients = train.Labels.Select(l => new GradientPair { Gradient = 0.5 - l, Hessian = 0.25 }).ToArray();
        var tree = grower.Grow(gradients, Enumerable.Range(0, train.RowCount).ToArray(), Enumerable.Range(0, 8).ToArray(), learningRate: 1);
        var scores = new double[2 * train.RowCount];

        grower.AddLeafValues(tree.LeafValues, scores, k: 2, c: 1);

        Assert.Equal(16, tree.LeafCount);
        for (var row = 0; row < train.RowCount; row++)
        {
            Assert.Equal(0, scores[2 * row]);
            Assert.Equal(tree.LeafValues[tree.LeafOf(data, row)], scores[2 * row + 1]);
        }
        for (var leaf = 0; leaf < tree.LeafCount; leaf++)
            Assert.All(grower.LeafRows(leaf).ToArray(), row => Assert.Equal(leaf, tree.LeafOf(data, row)));
    }

    [Fact]
    public void Large_data_trains_identically_on_one_and_two_threads()
    {
        var (train, _) = Problems.KnownProbability(150_000, seed: 72);
        var options = new GbdtOptions { Trees = 3, MaxLeaves = 31, RowSubsample = 0.9 };

        TreeAssert.Identical(
            (TreeEnsemble)new GbdtTrainer(options with { Threads = 1 }).Fit(train, null),
            (TreeEnsemble)new GbdtTrainer(options with { Threads = 2 }).Fit(train, null));
    }
}
