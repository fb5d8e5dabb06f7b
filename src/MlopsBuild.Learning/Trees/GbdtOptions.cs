using System.Globalization;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Trees;

/// <summary>Hyper-parameters of <see cref="GbdtTrainer"/> (defaults as LightGBM's where they have one).</summary>
public sealed record GbdtOptions
{
    /// <summary>Boosting rounds (multiclass grows one tree per class per round).</summary>
    public int Trees { get; init; } = 100;

    /// <summary>Shrinkage, folded into the leaf values.</summary>
    public double LearningRate { get; init; } = 0.1;

    public int MaxLeaves { get; init; } = 31;

    /// <summary>Deepest a leaf may be (the root is depth 0); 0 = unlimited.</summary>
    public int MaxDepth { get; init; }

    public int MinSamplesPerLeaf { get; init; } = 20;

    /// <summary>L2 penalty on leaf values.</summary>
    public double L2 { get; init; } = 1.0;

    /// <summary>A split must reduce the loss by more than this.</summary>
    public double MinSplitGain { get; init; }

    /// <summary>Value bins per feature, 2 … 255 (missing values get a bin of their own besides).</summary>
    public int MaxBins { get; init; } = 255;

    /// <summary>Fraction of rows each tree is grown on (0, 1].</summary>
    public double RowSubsample { get; init; } = 1.0;

    /// <summary>Fraction of features each tree may split on (0, 1].</summary>
    public double FeatureSubsample { get; init; } = 1.0;

    /// <summary>Stop when the validation loss has not improved for this many rounds, keeping the best; 0 = off.</summary>
    public int EarlyStoppingRounds { get; init; }

    public ulong Seed { get; init; } = 42UL;

    /// <summary>Worker threads; 0 = <see cref="Environment.ProcessorCount"/>. Does not change the model.</summary>
    public int Threads { get; init; }

    /// <summary>Called after every boosting round, on the training thread. Does not change the model.</summary>
    public Action<TrainingProgress>? Progress { get; init; }

    /// <exception cref="TrainingException">An option is out of its range.</exception>
    public void Validate()
    {
        Require(nameof(Trees), Trees, Trees >= 1, "1 or more");
        Require(nameof(LearningRate), LearningRate, double.IsFinite(LearningRate) && LearningRate > 0 && LearningRate <= 1, "greater than 0 and at most 1");
        Require(nameof(MaxLeaves), MaxLeaves, MaxLeaves is >= 2 and <= 65536, "2 … 65536");
        Require(nameof(MaxDepth), MaxDepth, MaxDepth is >= 0 and <= 64, "0 (unlimited) … 64");
        Require(nameof(MinSamplesPerLeaf), MinSamplesPerLeaf, MinSamplesPerLeaf >= 1, "1 or more");
        Require(nameof(L2), L2, double.IsFinite(L2) && L2 >= 0, "0 or more");
        Require(nameof(MinSplitGain), MinSplitGain, double.IsFinite(MinSplitGain) && MinSplitGain >= 0, "0 or more");
        Require(nameof(MaxBins), MaxBins, MaxBins is >= 2 and <= 255, "2 … 255");
        Require(nameof(RowSubsample), RowSubsample, RowSubsample > 0 && RowSubsample <= 1, "greater than 0 and at most 1");
        Require(nameof(FeatureSubsample), FeatureSubsample, FeatureSubsample > 0 && FeatureSubsample <= 1, "greater than 0 and at most 1");
        Require(nameof(EarlyStoppingRounds), EarlyStoppingRounds, EarlyStoppingRounds >= 0, "0 (off) or more");
        Require(nameof(Threads), Threads, Threads >= 0, "0 (one per processor) or more");
    }

    /// <summary>Every option that shapes the model, as invariant text (not <see cref="Threads"/> or <see cref="Progress"/>).</summary>
    public IReadOnlyDictionary<string, string> ToParameters() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(Trees)] = Text(Trees),
        [nameof(LearningRate)] = Text(LearningRate),
        [nameof(MaxLeaves)] = Text(MaxLeaves),
        [nameof(MaxDepth)] = Text(MaxDepth),
        [nameof(MinSamplesPerLeaf)] = Text(MinSamplesPerLeaf),
        [nameof(L2)] = Text(L2),
        [nameof(MinSplitGain)] = Text(MinSplitGain),
        [nameof(MaxBins)] = Text(MaxBins),
        [nameof(RowSubsample)] = Text(RowSubsample),
        [nameof(FeatureSubsample)] = Text(FeatureSubsample),
        [nameof(EarlyStoppingRounds)] = Text(EarlyStoppingRounds),
        [nameof(Seed)] = Text(Seed),
    };

    static string Text(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    static void Require(string name, IFormattable value, bool valid, string range)
    {
        if (!valid)
            throw new TrainingException($"GBDT option {name} is {Text(value)}; it must be {range}.");
    }
}
