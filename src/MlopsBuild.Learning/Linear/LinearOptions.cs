using System.Globalization;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Linear;

/// <summary>
/// Hyper-parameters of <see cref="LinearTrainer"/>. The trainer minimises the MEAN loss over the training rows plus
/// (L2 / 2) × ‖w‖², where w are the weights on standardised numeric/boolean features and on one-hot categories
/// (intercepts are not penalised). Because the loss is a mean, a given L2 means the same whatever the row count.
/// </summary>
public sealed record LinearOptions
{
    /// <summary>
    /// Strength of the L2 penalty. scikit-learn's LogisticRegression minimises 0.5‖w‖² + C × Σ loss (a sum over N rows);
    /// dividing by C × N gives our objective, so L2 = 1 / (C × N), i.e. C = 1 / (L2 × N), on the same standardised
    /// features. For regression (mean of ½(ŷ − y)²), Ridge(alpha) corresponds to L2 = alpha / N.
    /// Must be finite and ≥ 0.
    /// </summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>L-BFGS iterations at most (each evaluates the loss over all rows about once).</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>Converged when the largest absolute gradient component of the objective is at most this.</summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>Correction pairs L-BFGS keeps.</summary>
    public int Memory { get; init; } = 10;

    /// <summary>
    /// Recorded with the model for the trainer contract; the fit itself uses no randomness (a convex problem solved
    /// from a fixed start), so every seed gives the same model.
    /// </summary>
    public ulong Seed { get; init; } = 42UL;

    /// <summary>Worker threads for the loss evaluation; 0 = all cores. Never changes the result.</summary>
    public int Threads { get; init; }

    /// <summary>Called after every L-BFGS iteration, on the training thread. Never changes the result.</summary>
    public Action<TrainingProgress>? Progress { get; init; }

    public const int MaxIterationsLimit = 100_000;
    public const int MemoryLimit = 100;

    /// <exception cref="TrainingException">An option is out of range.</exception>
    public void Validate()
    {
        if (!double.IsFinite(L2) || L2 < 0)
            throw OutOfRange(nameof(L2), L2.ToString("R", CultureInfo.InvariantCulture), "a finite number ≥ 0");
        if (MaxIterations < 1 || MaxIterations > MaxIterationsLimit)
            throw OutOfRange(nameof(MaxIterations), Text(MaxIterations), $"an integer from 1 to {Text(MaxIterationsLimit)}");
        if (!double.IsFinite(Tolerance) || Tolerance <= 0)
            throw OutOfRange(nameof(Tolerance), Tolerance.ToString("R", CultureInfo.InvariantCulture), "a finite number > 0");
        if (Memory < 1 || Memory > MemoryLimit)
            throw OutOfRange(nameof(Memory), Text(Memory), $"an integer from 1 to {Text(MemoryLimit)}");
        if (Threads < 0)
            throw OutOfRange(nameof(Threads), Text(Threads), "0 (all cores) or a positive number of threads");
    }

    /// <summary>Every option that can change the model, by name, as invariant text.</summary>
    public IReadOnlyDictionary<string, string> Parameters() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(L2)] = L2.ToString("R", CultureInfo.InvariantCulture),
        [nameof(MaxIterations)] = Text(MaxIterations),
        [nameof(Tolerance)] = Tolerance.ToString("R", CultureInfo.InvariantCulture),
        [nameof(Memory)] = Text(Memory),
        [nameof(Seed)] = Seed.ToString(CultureInfo.InvariantCulture),
    };

    internal int EffectiveThreads => Threads == 0 ? Environment.ProcessorCount : Threads;

    static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    static TrainingException OutOfRange(string name, string value, string allowed) =>
        new($"Linear option {name} is {value}; it must be {allowed}.");
}
