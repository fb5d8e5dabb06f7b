using System.Diagnostics;
using System.Globalization;
using MlopsBuild.Learning.Linear;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Benchmarks.Training;

/// <summary>Our fit time and test AUC, and the settings that make the sklearn peer solve the same problem.</summary>
internal sealed record LinearBenchmarkResult(double Seconds, double Auc, string Settings);

/// <summary>
/// Logistic regression on the training benchmark's data: our <see cref="LinearTrainer"/> (2 threads) against
/// scikit-learn's LogisticRegression(solver='lbfgs') on standardised features. Both minimise the same objective:
/// sklearn's C = 1 (its default) is our L2 = 1 / (C × training rows). Both fits include the standardisation.
/// </summary>
internal static class LinearSection
{
    const int Threads = 2;
    const double SklearnC = 1.0;

    public static LinearBenchmarkResult Run(TrainingData train, TrainingData test)
    {
        var options = new LinearOptions { L2 = 1 / (SklearnC * train.RowCount), Threads = Threads };
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var model = new LinearTrainer(options).Fit(train, null);
        var seconds = clock.Elapsed.TotalSeconds;
        var scores = new double[test.RowCount];
        model.ScoreRows(test.Features, 0, test.RowCount, scores);
        var settings = string.Create(CultureInfo.InvariantCulture, $"L2 {options.L2:G3} (sklearn C {SklearnC}), {Threads} threads");
        return new LinearBenchmarkResult(seconds, TrainingBenchmark.Auc(scores, test.Labels), settings);
    }
}
