using System.Diagnostics;
using MlopsBuild.Registry;
using MlopsBuild.Registry.Versions;

namespace MlopsBuild.Benchmarks.Registry;

/// <summary>
/// Registers --versions model versions (two small artifacts each) into a temporary registry, then times what
/// <c>./build.sh Models</c> and an alias lookup cost on it: each from a fresh <see cref="ModelRegistry.Open"/> (as a new
/// build process would), median of --repeat runs. Goal: under 100 ms each. Options: --versions, --repeat.
/// </summary>
internal static class RegistryBenchmark
{
    const string ResultFile = "artifacts/benchmarks/registry.json";

    public static int Run(string[] args)
    {
        if (IntegerOptions.Parse(args, new Dictionary<string, int> { ["--versions"] = 10_000, ["--repeat"] = 7 }) is not { } options)
        {
            Console.Error.WriteLine("Usage: registry [--versions 10000] [--repeat 7]");
            return 2;
        }
        var (versions, repeat) = (options["--versions"], options["--repeat"]);
        var root = Directory.CreateTempSubdirectory("mlopsbuild-registry-bench-").FullName;
        try
        {
            var directory = Path.Combine(root, "registry");
            Console.WriteLine($"Registering {versions:N0} versions into {directory} ...");
            var clock = Stopwatch.StartNew();
            Fill(directory, Path.Combine(root, "files"), versions);
            var registerSeconds = clock.Elapsed.TotalSeconds;

            var openMs = Timing.MedianMilliseconds(repeat, () => ModelRegistry.Open(directory, "bench"));
            var listMs = Timing.MedianMilliseconds(repeat, () =>
            {
                var listed = ModelRegistry.Open(directory, "bench").List();
                if (listed.Count != versions) throw new InvalidOperationException($"Listed {listed.Count} versions, expected {versions}.");
            });
            var resolveMs = Timing.MedianMilliseconds(repeat, () =>
            {
                if (ModelRegistry.Open(directory, "bench").Resolve("factory").Number != versions / 2) throw new InvalidOperationException("'factory' resolved to the wrong version.");
            });
            var indexMb = new FileInfo(Path.Combine(directory, "index.json")).Length / 1048576.0;

            var result = new
            {
                benchmark = "registry",
                versions,
                repeat,
                registerSeconds = Math.Round(registerSeconds, 1),
                registerMsPerVersion = Math.Round(registerSeconds * 1000 / versions, 2),
                indexMegabytes = Math.Round(indexMb, 2),
                openMs = Math.Round(openMs, 1),
                listMs = Math.Round(listMs, 1),
                resolveAliasMs = Math.Round(resolveMs, 1),
                goalMs = 100,
                machine = BenchmarkResults.Machine,
            };
            Console.WriteLine($"{versions:N0} versions registered in {result.registerSeconds} s ({result.registerMsPerVersion} ms each); index {result.indexMegabytes} MB; median of {repeat} runs:");
            Console.WriteLine($"  open                      {result.openMs,8:F1} ms");
            Console.WriteLine($"  open + list all (Models)  {result.listMs,8:F1} ms   (goal < 100)");
            Console.WriteLine($"  open + resolve 'factory'  {result.resolveAliasMs,8:F1} ms   (goal < 100)");
            BenchmarkResults.Write(ResultFile, result);
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Real registrations (artifacts, records and audit entries each fsynced), inside one held lock so the index is
    /// written once at the end instead of 10,000 times; 'lab' and 'factory' are moved along the way.
    /// </summary>
    static void Fill(string directory, string files, int versions)
    {
        Directory.CreateDirectory(files);
        var registry = ModelRegistry.Open(directory, "bench");
        using var hold = registry.HoldLock();
        for (var i = 1; i <= versions; i++)
        {
            var model = Path.Combine(files, "model.bin");
            var metrics = Path.Combine(files, "metrics.json");
            File.WriteAllText(model, $"model {i}");
            File.WriteAllText(metrics, $"{{\"auc\": {0.7 + i % 300 / 1000.0}}}");
            var version = registry.Register(new RegistrationRequest
            {
                Artifacts = new Dictionary<string, string> { ["model.mlmodel"] = model, ["metrics.json"] = metrics },
                Lineage = new Lineage
                {
                    Git = new GitState($"{i:x8}", "main", Dirty: false),
                    Trainer = "gbdt",
                    Parameters = new Dictionary<string, string> { ["trees"] = "200", ["learning_rate"] = "0.1" },
                    Seed = i,
                    CreatedAt = DateTimeOffset.UtcNow,
                    CreatedBy = "bench",
                },
                Metrics = new Dictionary<string, double> { ["auc_roc"] = 0.7 + i % 300 / 1000.0, ["accuracy"] = 0.8, ["log_loss"] = 0.4 },
                Checks = [new GateCheck("threshold", "auc_roc ≥ 0.7", true, "passed")],
                Accepted = true,
            });
            if (i % 10 == 0) registry.SetAlias("lab", version.Number, "bench deploy");
            if (i == versions / 2) registry.SetAlias("factory", version.Number, "bench promote");
        }
    }
}
