using MlopsBuild.Learning.Prediction;
using MlopsBuild.Learning.Training;
using MlopsBuild.Learning.Trees.Boosting;

namespace MlopsBuild.Learning.Trees;

/// <summary>
/// Histogram gradient-boosted trees (as LightGBM and XGBoost "hist"): features binned to bytes, leaf-wise growth,
/// native categorical splits, learned directions for missing values. The same data, options and seed give the same
/// trees bit for bit whatever <see cref="GbdtOptions.Threads"/> is.
/// </summary>
public sealed class GbdtTrainer : ITrainer
{
    /// <exception cref="TrainingException">An option is out of its range.</exception>
    public GbdtTrainer(GbdtOptions options)
    {
        options.Validate();
        Options = options;
    }

    public GbdtOptions Options { get; }

    public string Name => "gbdt";

    public IReadOnlyDictionary<string, string> Parameters => Options.ToParameters();

    public ulong Seed => Options.Seed;

    public Predictor Fit(TrainingData train, TrainingData? validation, Action<string>? log = null)
    {
        TrainingInput.Check(train, validation, Options);
        var threads = Options.Threads == 0 ? Environment.ProcessorCount : Options.Threads;
        return new Booster(Options, new ParallelOptions { MaxDegreeOfParallelism = threads }).Fit(train, validation, log);
    }
}
