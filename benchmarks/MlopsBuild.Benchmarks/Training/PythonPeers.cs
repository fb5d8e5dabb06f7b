using System.Diagnostics;
using System.Text.Json;

namespace MlopsBuild.Benchmarks.Training;

/// <summary>
/// XGBoost (hist), scikit-learn's HistGradientBoostingClassifier and LogisticRegression on the same CSV and split, each in its own
/// python process limited to 2 threads. Loading is not timed: only the fit is. Null when python or the module is missing.
/// </summary>
internal static class PythonPeers
{
    const string Python = "/usr/bin/python3";

    const string Script = """
        import sys, time, json, resource
        import numpy as np, pandas as pd
        from sklearn.metrics import roc_auc_score
        path, peer, trees, share = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
        frame = pd.read_csv(path)
        x = frame.iloc[:, :-1].to_numpy(np.float32); y = frame['label'].to_numpy()
        cut = int(len(y) * share)
        if peer == 'xgboost':
            import xgboost
            model = xgboost.XGBClassifier(n_estimators=trees, max_depth=6, learning_rate=0.1, tree_method='hist', max_bin=255, n_jobs=2)
        elif peer == 'logistic':
            # C = 1 (sklearn's default) is the linear section's L2 = 1 / (C x training rows); scaling is part of the fit.
            from sklearn.linear_model import LogisticRegression
            from sklearn.pipeline import make_pipeline
            from sklearn.preprocessing import StandardScaler
            model = make_pipeline(StandardScaler(), LogisticRegression(solver='lbfgs', C=1.0, max_iter=200))
        else:
            from sklearn.ensemble import HistGradientBoostingClassifier
            model = HistGradientBoostingClassifier(max_iter=trees, max_leaf_nodes=63, learning_rate=0.1, max_bins=255, early_stopping=False)
        def cpu():
            usage = resource.getrusage(resource.RUSAGE_SELF)
            return usage.ru_utime + usage.ru_stime
        start, start_cpu = time.perf_counter(), cpu()
        model.fit(x[:cut], y[:cut])
        seconds, cpu_seconds = time.perf_counter() - start, cpu() - start_cpu
        auc = roc_auc_score(y[cut:], model.predict_proba(x[cut:])[:, 1])
        print(json.dumps({'seconds': seconds, 'cpuSeconds': cpu_seconds, 'auc': auc, 'peakRssMb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
        """;

    public sealed record Result(double Seconds, double CpuSeconds, double Auc, double PeakRssMb);

    /// <summary>Runs one peer ("xgboost", "sklearn" or "logistic"), or explains in <paramref name="note"/> why it could not.</summary>
    public static Result? Run(string peer, string csv, int trees, double trainShare, out string note)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", Script, csv, peer, trees.ToString(System.Globalization.CultureInfo.InvariantCulture), trainShare.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        start.Environment["OMP_NUM_THREADS"] = "2";
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                note = $"{peer} not measured: {error.Result.Trim().Split('\n')[^1]}";
                return null;
            }
            note = "";
            return JsonSerializer.Deserialize<Result>(output.Result.Trim().Split('\n')[^1], new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            note = $"{peer} not measured: cannot start {Python} ({exception.Message})";
            return null;
        }
    }
}
