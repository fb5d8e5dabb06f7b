using System.Globalization;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>The boosting loop: gradients, one tree per score per round, scores updated, early stopping.</summary>
internal sealed class Booster(GbdtOptions options, ParallelOptions parallel)
{
    /// <summary>Validation rows scored per task.</summary>
    const int ScoringChunk = 4096;

    public TreeEnsemble Fit(TrainingData train, TrainingData? validation, Action<string>? log)
    {
        var data = BinnedDataset.Create(train.Features, options.MaxBins, parallel);
        var usable = Enumerable.Range(0, data.FeatureCount).Where(data.IsUsable).ToArray();
        if (usable.Length == 0)
            throw new TrainingException($"None of the {data.FeatureCount} features can split the training rows: each is missing or has one value everywhere. Add informative features.");

        var objective = Objective.For(train.Task, train.ClassCount);
        var k = objective.ScoreCount;
        var baseScores = objective.BaseScores(train.Labels);
        var scores = RepeatRows(baseScores, train.RowCount);
        var validationScores = validation is null ? null : RepeatRows(baseScores, validation.RowCount);
        var gradients = new GradientPair[k][];
        for (var c = 0; c < k; c++) gradients[c] = new GradientPair[train.RowCount];

        var rules = new SplitRules(options.L2, options.MinSamplesPerLeaf, options.MinSplitGain);
        var grower = new TreeGrower(data, rules, options.MaxLeaves, options.MaxDepth, parallel);
        var trees = new List<RegressionTree>();
        var bestLoss = double.PositiveInfinity;
        var bestRounds = 0;
        var bagBuffer = new int[train.RowCount];
        for (var round = 0; round < options.Trees; round++)
        {
            objective.ComputeGradients(train.Labels, scores, gradients, parallel);
            var bag = bagBuffer.AsSpan(0, Sampling.Rows(bagBuffer, options.RowSubsample, options.Seed, round));
            for (var c = 0; c < k; c++)
            {
                var features = Sampling.Features(usable, options.FeatureSubsample, options.Seed, round * k + c);
                var grown = grower.Grow(gradients[c], bag, features, options.LearningRate);
                AddToTrainingScores(grower, grown, data, bag, scores, k, c);
                var tree = grown.ToRegressionTree(data);
                trees.Add(tree);
                if (validation is not null) AddToScores(tree, validation.Features, validationScores!, k, c);
            }

            if (validation is null)
            {
                options.Progress?.Invoke(new TrainingProgress("round", round + 1, options.Trees));
                continue;
            }
            var loss = objective.MeanLoss(validation.Labels, validationScores!, parallel);
            options.Progress?.Invoke(new TrainingProgress("round", round + 1, options.Trees, "validation loss", loss));
            if (loss < bestLoss)
            {
                bestLoss = loss;
                bestRounds = round + 1;
            }
            if (round % 10 == 9 || round == options.Trees - 1)
                log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: validation loss {loss:G6} (best {bestLoss:G6} at round {bestRounds})"));
            if (options.EarlyStoppingRounds > 0 && round + 1 - bestRounds >= options.EarlyStoppingRounds)
            {
                log?.Invoke($"early stop after round {round + 1}: keeping the best {bestRounds} rounds");
                break;
            }
        }
        if (options.EarlyStoppingRounds > 0) trees.RemoveRange(bestRounds * k, trees.Count - bestRounds * k);
        return new TreeEnsemble(train.Task, data.FeatureCount, baseScores, trees);
    }

    static double[] RepeatRows(double[] baseScores, int rows)
    {
        var scores = new double[rows * baseScores.Length];
        for (var i = 0; i < rows; i++) baseScores.CopyTo(scores, i * baseScores.Length);
        return scores;
    }

    /// <summary>In-bag rows take their leaf's value from the grower's partition; out-of-bag rows walk the tree's bins.</summary>
    static void AddToTrainingScores(TreeGrower grower, GrownTree tree, BinnedDataset data, ReadOnlySpan<int> bag, double[] scores, int k, int c)
    {
        grower.AddLeafValues(tree.LeafValues, scores, k, c);
        if (bag.Length == data.RowCount) return;
        var next = 0;
        for (var row = 0; row < data.RowCount; row++)
        {
            if (next < bag.Length && bag[next] == row) { next++; continue; }
            scores[row * k + c] += tree.LeafValues[tree.LeafOf(data, row)];
        }
    }

    void AddToScores(RegressionTree tree, FeatureMatrix matrix, double[] scores, int k, int c)
    {
        var forest = new CompiledForest([tree], matrix.FeatureCount);
        var chunks = (matrix.RowCount + ScoringChunk - 1) / ScoringChunk;
        Parallel.For(0, chunks, parallel, chunk =>
        {
            var start = chunk * ScoringChunk;
            var count = Math.Min(ScoringChunk, matrix.RowCount - start);
            var treeScores = new double[count];
            forest.AddScores(matrix, start, count, treeScores, 1);
            for (var i = 0; i < count; i++) scores[(start + i) * k + c] += treeScores[i];
        });
    }
}
