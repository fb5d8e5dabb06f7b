using System.Diagnostics;
using System.Globalization;
using MlopsBuild.Learning.Linear;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Benchmarks.Training;

/// <summary>Our fit time and test AUC, and the settings that make the sklearn peer solve the same problem.</summary>
public sealed record LinearBenchmarkResult(double Seconds, double Auc, string Settings);

/// <summary>
/// Logistic regression on the training benchmark's data: our <see cref="LinearTrainer"/> (2 threads) against
/// scikit-learn's LogisticRegression(solver='lbfgs') on standardised features. Both minimise the same objective:
/// sklearn's C = 1 (its default) is our L2 = 1 / (C × training rows). Both fits include the standardisation.
/// </summary>
public static class LinearSection
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
        return new LinearBenchmarkResult(seconds, Auc(scores, test.Labels), settings);
    }

    /// <summary>
    /// The sklearn peer: argv = CSV path (features then a 'label' column), training share. Prints one JSON line with
    /// seconds (scaling + fit), test AUC, iterations and peak RSS. Run it with OMP_NUM_THREADS=2.
    /// </summary>
    public static readonly string PeerScript = $$"""
        import sys, time, json, resource
        import numpy as np, pandas as pd
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import StandardScaler
        from sklearn.metrics import roc_auc_score
        path, share = sys.argv[1], float(sys.argv[2])
        frame = pd.read_csv(path)
        x = frame.iloc[:, :-1].to_numpy(np.float32); y = frame['label'].to_numpy()
        cut = int(len(y) * share)
        start = time.perf_counter()
        scaler = StandardScaler().fit(x[:cut])
        model = LogisticRegression(solver='lbfgs', C={{SklearnC.ToString("R", CultureInfo.InvariantCulture)}}, max_iter=200).fit(scaler.transform(x[:cut]), y[:cut])
        seconds = time.perf_counter() - start
        auc = roc_auc_score(y[cut:], model.decision_function(scaler.transform(x[cut:])))
        print(json.dumps({'seconds': seconds, 'auc': auc, 'iterations': int(model.n_iter_[0]), 'peakRssMb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
        """;

    /// <summary>Area under the ROC curve by ranking, ties counting half.</summary>
    static double Auc(double[] scores, float[] labels)
    {
        var order = Enumerable.Range(0, labels.Length).ToArray();
        Array.Sort(scores.ToArray(), order);
        double rankSum = 0;
        long positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end < order.Length && scores[order[end]] == scores[order[start]]) end++;
            var averageRank = (start + end + 1) / 2.0;
            for (var i = start; i < end; i++)
                if (labels[order[i]] == 1) { rankSum += averageRank; positives++; }
            start = end;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double)(labels.Length - positives));
    }
}
