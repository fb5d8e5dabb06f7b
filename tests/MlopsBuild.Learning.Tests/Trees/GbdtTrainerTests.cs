using MlopsBuild.Learning.Prediction;
using MlopsBuild.Learning.Trees;

namespace MlopsBuild.Learning.Tests.Trees;

public class GbdtTrainerTests
{
    [Fact]
    public void Early_stopping_keeps_the_rounds_up_to_the_best_validation_loss()
    {
        // A high learning rate with deep trees on noisy labels overfits within a few rounds.
        var (train, _) = Problems.KnownProbability(3_000, seed: 61);
        var (validation, _) = Problems.KnownProbability(3_000, seed: 62);
        var options = new GbdtOptions { Trees = 200, LearningRate = 0.5, MaxLeaves = 63, MinSamplesPerLeaf = 2, EarlyStoppingRounds = 5, Threads = 2 };
        var lines = new List<string>();

        var stopped = (TreeEnsemble)new GbdtTrainer(options).Fit(train, validation, lines.Add);
        var full = (TreeEnsemble)new GbdtTrainer(options with { EarlyStoppingRounds = 0 }).Fit(train, validation);

        Assert.InRange(stopped.Trees.Count, 1, 60);
        Assert.Contains(lines, line => line.StartsWith($"early stop after round {stopped.Trees.Count + 5}:", StringComparison.Ordinal));
        // The kept rounds are the start of the full run, and no prefix of the full run beats them on validation.
        TreeAssert.Identical(stopped, new TreeEnsemble(full.Task, full.FeatureCount, full.BaseScores, full.Trees.Take(stopped.Trees.Count).ToList()));
        var best = LogLoss(stopped, validation);
        for (var rounds = 1; rounds <= stopped.Trees.Count + 5; rounds++)
            Assert.True(best <= LogLoss(new TreeEnsemble(full.Task, full.FeatureCount, full.BaseScores, full.Trees.Take(rounds).ToList()), validation));
    }

    [Fact]
    public void Feature_importance_ranks_the_informative_feature_first()
    {
        var model = (TreeEnsemble)new GbdtTrainer(new GbdtOptions { Trees = 30, Threads = 1 }).Fit(Problems.MissingIsInformative(4_000, seed: 63), null);

        var gain = FeatureImportance.Gain(model);
        var splits = FeatureImportance.SplitCount(model);

        Assert.True(gain[0] > 5 * gain[1], $"gain {gain[0]:F1} vs {gain[1]:F1}");
        Assert.Equal(model.Trees.Sum(t => t.NodeCount), splits.Sum());
        Assert.Equal(model.Trees.Sum(t => t.Gain.Sum()), gain.Sum(), 6);
    }

    [Fact]
    public void Parameters_list_every_option_that_shapes_the_model_as_invariant_text()
    {
        var trainer = new GbdtTrainer(new GbdtOptions { LearningRate = 0.05, Threads = 3, Seed = 7 });

        Assert.Equal("gbdt", trainer.Name);
        Assert.Equal(7UL, trainer.Seed);
        var expected = new Dictionary<string, string>
        {
            ["Trees"] = "100", ["LearningRate"] = "0.05", ["MaxLeaves"] = "31", ["MaxDepth"] = "0", ["MinSamplesPerLeaf"] = "20",
            ["L2"] = "1", ["MinSplitGain"] = "0", ["MaxBins"] = "255", ["RowSubsample"] = "1", ["FeatureSubsample"] = "1",
            ["EarlyStoppingRounds"] = "0", ["Seed"] = "7",
        };
        Assert.Equal(expected.OrderBy(p => p.Key), trainer.Parameters.OrderBy(p => p.Key));
    }

    [Fact]
    public void Depth_and_leaf_limits_bound_every_tree()
    {
        var (train, _) = Problems.KnownProbability(5_000, seed: 64);

        var byDepth = (TreeEnsemble)new GbdtTrainer(new GbdtOptions { Trees = 10, MaxDepth = 3, MaxLeaves = 1000, MinSamplesPerLeaf = 1, Threads = 1 }).Fit(train, null);
        var byLeaves = (TreeEnsemble)new GbdtTrainer(new GbdtOptions { Trees = 10, MaxLeaves = 5, Threads = 1 }).Fit(train, null);

        Assert.All(byDepth.Trees, tree => Assert.Equal(8, tree.LeafCount)); // plenty of rows: every depth-3 leaf splits
        Assert.All(byLeaves.Trees, tree => Assert.Equal(5, tree.LeafCount));
    }

    [Fact]
    public void A_round_that_samples_no_row_adds_nothing_rather_than_a_non_finite_value()
    {
        var (train, _) = Problems.KnownProbability(40, seed: 65);
        var options = new GbdtOptions { Trees = 5, RowSubsample = 1e-9, L2 = 0, MinSamplesPerLeaf = 1, Threads = 1 };

        var model = (TreeEnsemble)new GbdtTrainer(options).Fit(train, null);

        Assert.All(model.Trees, tree => Assert.Equal([0.0], tree.LeafValue));
    }

    static double LogLoss(Predictor model, Learning.Training.TrainingData data)
    {
        var scores = Measures.Scores(model, data);
        return scores.Select((s, i) => -Math.Log(data.Labels[i] == 1 ? ScoreTransform.Sigmoid(s) : 1 - ScoreTransform.Sigmoid(s))).Average();
    }
}
