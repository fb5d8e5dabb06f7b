using MlopsBuild.Learning.Trees;

namespace MlopsBuild.Learning.Tests.Trees;

public class GbdtDeterminismTests
{
    // Enough rows that histograms are built in parallel (the grower stays on one thread for small leaves).
    static readonly GbdtOptions Options = new() { Trees = 20, MaxLeaves = 31, MinSamplesPerLeaf = 5 };

    [Fact]
    public void Same_data_options_and_seed_give_bit_identical_trees_whatever_the_thread_count()
    {
        var (train, _) = Problems.KnownProbability(30_000, seed: 21);

        var one = Fit(train, Options with { Threads = 1 });
        var two = Fit(train, Options with { Threads = 2 });
        var four = Fit(train, Options with { Threads = 4 });

        TreeAssert.Identical(one, two);
        TreeAssert.Identical(one, four);
    }

    [Fact]
    public void Categorical_and_missing_data_train_identically_on_one_and_four_threads()
    {
        var train = Problems.Categorical(30_000, seed: 22, out _);
        var options = Options with { RowSubsample = 0.7, FeatureSubsample = 0.5 };

        TreeAssert.Identical(Fit(train, options with { Threads = 1 }), Fit(train, options with { Threads = 4 }));
    }

    [Fact]
    public void Subsampling_changes_the_model_but_the_same_seed_gives_the_same_one()
    {
        var (train, _) = Problems.KnownProbability(10_000, seed: 23);
        var subsampled = Options with { RowSubsample = 0.6, FeatureSubsample = 0.5, Threads = 2 };

        var full = Fit(train, Options with { Threads = 2 });
        var first = Fit(train, subsampled);
        var again = Fit(train, subsampled);
        var otherSeed = Fit(train, subsampled with { Seed = 7 });

        TreeAssert.Identical(first, again);
        Assert.False(TreeAssert.AreIdentical(full, first));
        Assert.False(TreeAssert.AreIdentical(first, otherSeed));
        // A tree grown on half the features uses at most half of them (8 features → 4).
        Assert.All(first.Trees, tree => Assert.True(tree.Feature.Distinct().Count() <= 4));
    }

    static TreeEnsemble Fit(Learning.Training.TrainingData train, GbdtOptions options) => (TreeEnsemble)new GbdtTrainer(options).Fit(train, null);
}
