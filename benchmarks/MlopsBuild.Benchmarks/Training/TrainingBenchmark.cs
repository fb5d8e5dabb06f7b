using System.Diagnostics;
using System.Globalization;
using MlopsBuild.Learning.Metrics;
using MlopsBuild.Learning.Prediction;
using MlopsBuild.Learning.Training;
using MlopsBuild.Learning.Trees;

namespace MlopsBuild.Benchmarks.Training;

/// <summary>
/// Training on a generated, learnable 1,000,000 × 28 numeric CSV (80/20 split, 2 threads, 100 trees, 255 bins,
/// learning rate 0.1): our GBDT at depth 6 against XGBoost hist at depth 6, and at 63 leaves against scikit-learn's
/// HistGradientBoostingClassifier; then batch and single-row scoring of both our models (<see cref="ScoringSection"/>).
/// Only fits are timed (no CSV parsing).
/// Each learner is one <see cref="Contender"/> line, so another learner is one more section in <see cref="Run"/>.
/// Options: --rows, --trees, --repeat (interleaved rounds; medians are reported), and --skip with a comma-separated
/// list of sections to leave out (peers, linear, scoring), for shorter runs while working on one learner.
/// </summary>
internal static class TrainingBenchmark
{
    const string ResultFile = "artifacts/benchmarks/training.json";
    const double TrainShare = 0.8;
    const int Threads = 2;

    sealed record Options(int Rows, int Trees, int Repeat, IReadOnlySet<string> Skip);

    static readonly string[] Sections = ["peers", "linear", "scoring"];

    /// <summary>
    /// One learner's line: fit time, test AUC, and peak resident memory while fitting. Ours is this process's peak during
    /// the fit, with what was resident just before (the loaded data) beside it; a python peer's is its whole process's.
    /// </summary>
    internal sealed record Contender(string Name, string Settings, double Seconds, double CpuSeconds, double Auc, double? PeakRssMb, double? RssBeforeFitMb = null);

    public static int Run(string[] args)
    {
        if (Parse(args) is not { } options)
        {
            Console.Error.WriteLine($"Usage: training [--rows 1000000] [--trees 100] [--repeat 1] [--skip {string.Join(',', Sections)}]");
            return 2;
        }
        var root = Directory.CreateTempSubdirectory("mlopsbuild-training-bench-").FullName;
        try
        {
            var csv = Path.Combine(root, "higgs-like.csv");
            Console.WriteLine($"Writing {options.Rows:N0} rows × {HiggsLikeData.FeatureCount} numeric features + label to {csv} ...");
            var probability = HiggsLikeData.WriteCsv(csv, options.Rows);
            var clock = Stopwatch.StartNew();
            var (train, test) = BenchmarkCsv.LoadSplit(csv, TrainShare);
            Console.WriteLine($"Loaded with TabularDatasetLoader in {clock.Elapsed.TotalSeconds:F1} s (not counted): {train.RowCount:N0} train, {test.RowCount:N0} test rows");
            var bayesAuc = Auc(probability.AsSpan(train.RowCount).ToArray(), test.Labels);
            Console.WriteLine($"Bayes-optimal test AUC (true probabilities): {bayesAuc:F4}");
            var loadBefore = LoadAverage();
            Console.WriteLine($"1-minute load average before fitting: {loadBefore} on {Environment.ProcessorCount} processors (other work slows every contender)");

            var notes = new List<string>();

            // Gradient-boosted trees: ours at both shapes, each beside the peer that grows the same shape. The rounds
            // interleave the contenders, so that a burst of other work on the machine does not land on one of them only.
            Predictor? depth6Model = null, leaves63Model = null;
            var runs = new List<Contender>();
            var peers = !options.Skip.Contains("peers");
            var linear = !options.Skip.Contains("linear");
            for (var round = 0; round < options.Repeat; round++)
            {
                runs.Add(FitOurs("MlopsBuild GBDT", "depth 6", new GbdtOptions { Trees = options.Trees, MaxDepth = 6, MaxLeaves = 64, Threads = Threads }, train, test, out depth6Model));
                runs.Add(FitOurs("MlopsBuild GBDT", "63 leaves", new GbdtOptions { Trees = options.Trees, MaxLeaves = 63, Threads = Threads }, train, test, out leaves63Model));
                if (peers && Peer("xgboost", "XGBoost 1.7 hist", "depth 6", csv, options, notes) is { } xgboostRun) runs.Add(xgboostRun);
                if (peers && Peer("sklearn", "sklearn HistGradientBoosting", "63 leaves", csv, options, notes) is { } sklearnRun) runs.Add(sklearnRun);
                if (linear) runs.Add(FitLinear(train, test));
                if (linear && peers && Peer("logistic", "sklearn LogisticRegression", "lbfgs C=1", csv, options, notes) is { } logisticRun) runs.Add(logisticRun);
            }
            var contenders = runs.GroupBy(r => (r.Name, r.Settings)).Select(Median).ToList();
            var oursDepth6 = contenders[0];
            var oursLeaves63 = contenders[1];
            var xgboost = contenders.FirstOrDefault(c => c.Name.StartsWith("XGBoost", StringComparison.Ordinal));
            var sklearn = contenders.FirstOrDefault(c => c.Name == "sklearn HistGradientBoosting");
            var oursLinear = contenders.FirstOrDefault(c => c.Name == LinearName);
            var logistic = contenders.FirstOrDefault(c => c.Name == "sklearn LogisticRegression");

            Scoring[] scoring = options.Skip.Contains("scoring")
                ? []
                : [ScoringSection.Measure("depth-6 model", depth6Model!, test.Features), ScoringSection.Measure("63-leaf model", leaves63Model!, test.Features)];

            Console.WriteLine();
            Console.WriteLine($"Median of {options.Repeat} interleaved run(s); CPU s is user + system time of the fit (OpenMP peers spin while waiting, which counts).");
            Console.WriteLine($"{"learner",-30} {"shape",-10} {"fit s",8} {"CPU s",8} {"test AUC",9} {"peak RSS MB",12} {"RSS before fit MB",18}");
            foreach (var c in contenders)
                Console.WriteLine($"{c.Name,-30} {c.Settings,-10} {c.Seconds,8:F2} {c.CpuSeconds,8:F2} {c.Auc,9:F4} {Megabytes(c.PeakRssMb),12} {Megabytes(c.RssBeforeFitMb),18}");
            foreach (var note in notes.Distinct()) Console.WriteLine("  " + note);
            var versusXgboost = Versus(oursDepth6, xgboost);
            var versusSklearn = Versus(oursLeaves63, sklearn);
            if (versusXgboost is not null) Console.WriteLine($"ours / XGBoost time = {versusXgboost.TimeRatio:F2}x (goal ≤ 0.8), AUC difference {versusXgboost.AucDifference:+0.0000;-0.0000;+0.0000} (goal ≥ −0.002)");
            if (versusSklearn is not null) Console.WriteLine($"ours / sklearn time = {versusSklearn.TimeRatio:F2}x (goal ≤ 0.8), AUC difference {versusSklearn.AucDifference:+0.0000;-0.0000;+0.0000} (goal ≥ −0.002)");
            var versusLogistic = Versus(oursLinear, logistic);
            if (versusLogistic is not null) Console.WriteLine($"ours / sklearn LogisticRegression time = {versusLogistic.TimeRatio:F2}x (goal ≤ 1), AUC difference {versusLogistic.AucDifference:+0.0000;-0.0000;+0.0000} (goal within ±0.001)");
            foreach (var figures in scoring) ScoringSection.Print(figures);

            var result = new
            {
                benchmark = "training",
                rows = options.Rows,
                features = HiggsLikeData.FeatureCount,
                trainRows = train.RowCount,
                testRows = test.RowCount,
                trees = options.Trees,
                repeat = options.Repeat,
                skipped = options.Skip.Order(StringComparer.Ordinal),
                threads = Threads,
                bayesOptimalAuc = Math.Round(bayesAuc, 4),
                contenders = contenders.Select(c => new
                {
                    c.Name, c.Settings, seconds = Math.Round(c.Seconds, 2), cpuSeconds = Math.Round(c.CpuSeconds, 2), auc = Math.Round(c.Auc, 4),
                    peakRssMb = c.PeakRssMb is { } peak ? Math.Round(peak) : (double?)null,
                    rssBeforeFitMb = c.RssBeforeFitMb is { } before ? Math.Round(before) : (double?)null,
                }),
                loadAverageBefore = loadBefore,
                loadAverageAfter = LoadAverage(),
                notes = notes.Distinct(),
                oursOverXgboost = versusXgboost,
                oursOverSklearn = versusSklearn,
                oursOverSklearnLogistic = versusLogistic,
                scoring,
                machine = BenchmarkResults.Machine,
            };
            BenchmarkResults.Write(ResultFile, result);
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    sealed record Comparison(double TimeRatio, double AucDifference);

    /// <summary>The run with the median fit time (the lower middle one for an even count).</summary>
    static Contender Median(IEnumerable<Contender> runs)
    {
        var sorted = runs.OrderBy(r => r.Seconds).ToList();
        return sorted[(sorted.Count - 1) / 2];
    }

    static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    static string Megabytes(double? value) => value?.ToString("F0", CultureInfo.InvariantCulture) ?? "–";

    static Comparison? Versus(Contender? ours, Contender? peer) =>
        ours is null || peer is null ? null : new Comparison(Math.Round(ours.Seconds / peer.Seconds, 3), Math.Round(ours.Auc - peer.Auc, 4));

    static Contender FitOurs(string name, string settings, GbdtOptions options, TrainingData train, TrainingData test, out Predictor model)
    {
        GC.Collect();
        var resetPeak = PeakMemory.Reset();
        var before = PeakMemory.RssMb();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        model = new GbdtTrainer(options).Fit(train, null);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var contender = new Contender(name, settings, seconds, cpuSeconds, Auc(Scores(model, test), test.Labels), resetPeak ? PeakMemory.PeakRssMb() : null, before);
        Console.WriteLine($"  {name} {settings}: {seconds:F2} s, AUC {contender.Auc:F4}");
        return contender;
    }

    const string LinearName = "MlopsBuild linear";

    static Contender FitLinear(TrainingData train, TrainingData test)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = LinearSection.Run(train, test);
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"  {LinearName} ({result.Settings}): {result.Seconds:F2} s, AUC {result.Auc:F4}");
        return new Contender(LinearName, "lbfgs", result.Seconds, cpuSeconds, result.Auc, null);
    }

    static Contender? Peer(string peer, string name, string settings, string csv, Options options, List<string> notes)
    {
        if (PythonPeers.Run(peer, csv, options.Trees, TrainShare, out var note) is not { } result)
        {
            notes.Add(note);
            Console.WriteLine("  " + note);
            return null;
        }
        var contender = new Contender(name, settings, result.Seconds, result.CpuSeconds, result.Auc, result.PeakRssMb);
        Console.WriteLine($"  {name} {settings}: {result.Seconds:F2} s, AUC {result.Auc:F4}");
        return contender;
    }

    static double[] Scores(Predictor model, TrainingData data)
    {
        var scores = new double[data.RowCount];
        model.ScoreRows(data.Features, 0, data.RowCount, scores);
        return scores;
    }

    /// <summary>Area under the ROC curve of raw scores (log-odds), by the library's metric (the sigmoid keeps the order).</summary>
    internal static double Auc(double[] scores, float[] labels) =>
        BinaryMetrics.Compute(labels, scores.Select(ScoreTransform.Sigmoid).ToArray()).AucRoc;

    static Options? Parse(string[] args)
    {
        var skip = new HashSet<string>(StringComparer.Ordinal);
        var skipAt = Array.IndexOf(args, "--skip");
        if (skipAt >= 0)
        {
            if (skipAt + 1 >= args.Length) return null;
            skip.UnionWith(args[skipAt + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (!skip.IsSubsetOf(Sections)) return null;
            args = [.. args[..skipAt], .. args[(skipAt + 2)..]];
        }
        return IntegerOptions.Parse(args, new Dictionary<string, int> { ["--rows"] = 1_000_000, ["--trees"] = 100, ["--repeat"] = 1 }) is { } values
            ? new Options(values["--rows"], values["--trees"], values["--repeat"], skip)
            : null;
    }
}
