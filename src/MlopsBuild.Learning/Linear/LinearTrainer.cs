using System.Globalization;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Prediction;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Linear;

/// <summary>
/// L2-regularised linear models: logistic regression (binary), multinomial logistic regression (K ≥ 3 classes) and
/// ridge regression, fitted by L-BFGS on standardised features (see <see cref="LinearOptions"/> for the objective).
/// The problem is convex, so the model is its unique optimum, reached from a fixed start: no randomness is involved.
/// </summary>
public sealed class LinearTrainer : ITrainer
{
    readonly LinearOptions options;

    /// <exception cref="TrainingException">An option is out of range.</exception>
    public LinearTrainer(LinearOptions options)
    {
        options.Validate();
        this.options = options;
    }

    public string Name => "linear";

    public IReadOnlyDictionary<string, string> Parameters => options.Parameters();

    public ulong Seed => options.Seed;

    public Predictor Fit(TrainingData train, TrainingData? validation, Action<string>? log = null)
    {
        LinearLabels.Check(train, "training");
        if (validation is not null)
        {
            if (validation.Features.FeatureCount != train.Features.FeatureCount || validation.Task != train.Task || validation.ClassCount != train.ClassCount)
                throw new TrainingException(
                    $"The validation data ({validation.Features.FeatureCount} features, {validation.Task}) does not match the training data " +
                    $"({train.Features.FeatureCount} features, {train.Task}). Featurize both with the same signature.");
            LinearLabels.Check(validation, "validation");
        }
        var targets = LinearLabels.Targets(train, out var targetMean, out var targetScale);
        var threads = options.EffectiveThreads;
        var design = LinearDesign.Build(train.Features, targets, train.ScoreCount, threads);
        var objective = new LinearObjective(design, train.Task, options.L2, threads);
        log?.Invoke($"linear: {train.RowCount} rows, {design.Dense.Length} standardised and {design.Categorical.Length} one-hot features, " +
                    $"{design.ParameterCount} parameters");

        var result = Lbfgs.Minimise(objective.Evaluate, StartingPoint(design, train), options.Memory, options.MaxIterations,
            options.Tolerance, (iteration, value, gradient) =>
            {
                if (iteration % 10 == 0) log?.Invoke(Invariant($"linear: iteration {iteration}, objective {value:G8}, largest gradient {gradient:G3}"));
                options.Progress?.Invoke(new TrainingProgress("iteration", iteration, options.MaxIterations, "objective", value));
            });
        log?.Invoke(Invariant($"linear: {Describe(result.Stop)} after {result.Iterations} iterations ({result.Evaluations} evaluations), objective {result.Value:G10}, largest gradient {result.GradientNorm:G3}"));

        var model = Fold(design, train, result.Minimum, targetMean, targetScale);
        if (validation is not null && log is not null)
            log(Invariant($"linear: validation {LinearValidation.Describe(model, validation)}"));
        return model;
    }

    /// <summary>Zero weights and the intercepts that fit the label distribution alone.</summary>
    static double[] StartingPoint(LinearDesign design, TrainingData train)
    {
        var start = new double[design.ParameterCount];
        if (train.Task == LearningTask.Regression) return start; // targets are centred
        var counts = new double[train.ClassCount];
        foreach (var label in train.Labels) counts[(int)label]++;
        if (train.Task == LearningTask.BinaryClassification)
        {
            start[0] = Math.Log(counts[1] / counts[0]);
            return start;
        }
        var meanLog = counts.Average(Math.Log);
        for (var k = 0; k < counts.Length; k++) start[k] = Math.Log(counts[k]) - meanLog;
        return start;
    }

    /// <summary>The optimum as a <see cref="LinearModel"/>, undoing the target standardisation of regression.</summary>
    static LinearModel Fold(LinearDesign design, TrainingData train, double[] optimum, double targetMean, double targetScale)
    {
        var k = design.ScoreCount;
        var intercepts = new double[k];
        for (var s = 0; s < k; s++) intercepts[s] = targetMean + targetScale * optimum[s];
        var terms = new List<LinearTerm>(design.Dense.Length + design.Categorical.Length);
        for (var d = 0; d < design.Dense.Length; d++)
        {
            var feature = design.Dense[d];
            terms.Add(new LinearTerm(feature.Feature, feature.Mean, feature.Scale, Weights(optimum, k * (1 + d), k, targetScale)));
        }
        foreach (var feature in design.Categorical)
            terms.Add(new LinearTerm(feature.Feature, 0, 1, Weights(optimum, feature.Offset, feature.CategoryCount * k, targetScale)));
        terms.Sort((a, b) => a.Feature.CompareTo(b.Feature));
        return new LinearModel(train.Task, train.Features.Features, intercepts, terms);
    }

    static double[] Weights(double[] optimum, int offset, int count, double scale)
    {
        var weights = new double[count];
        for (var i = 0; i < count; i++) weights[i] = scale * optimum[offset + i];
        return weights;
    }

    static string Describe(LbfgsStop stop) => stop switch
    {
        LbfgsStop.Converged => "converged",
        LbfgsStop.IterationLimit => "stopped at the iteration limit (raise MaxIterations or Tolerance)",
        _ => "stopped where no step improves the objective any further",
    };

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
