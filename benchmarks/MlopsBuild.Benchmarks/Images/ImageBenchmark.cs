using System.Diagnostics;
using System.Globalization;
using MlopsBuild.Benchmarks.Serving;
using MlopsBuild.Containers.Engine;
using MlopsBuild.Containers.Images;
using MlopsBuild.Learning;
using MlopsBuild.Learning.Persistence;

namespace MlopsBuild.Benchmarks.Images;

/// <summary>
/// The model server's image on the real engine, built as Package builds it (self-contained server on the local base
/// image): a cold build (the server layer new, the base cached), then --repeat rebuilds after a model-only change (each a
/// model file with new bytes; goal ≤ 5 s), then the image's size and the server's start-to-ready time (goal &lt; 1 s),
/// as a plain process and as a container (created and started until /v2/health/ready answers 200; on vfs, creating
/// it copies the image's filesystem). Needs dockerd (bash .ci/docker.sh, as root).
/// Writes artifacts/benchmarks/image.json.
/// </summary>
internal static class ImageBenchmark
{
    const string ResultFile = "artifacts/benchmarks/image.json";
    const string Repository = "mlopsbuild-benchmark/server";

    public static int Run(string[] args)
    {
        if (IntegerOptions.Parse(args, new Dictionary<string, int> { ["--repeat"] = 3 }) is not { } options)
        {
            Console.Error.WriteLine("Usage: image [--repeat N]");
            return 2;
        }
        if (!File.Exists("MlopsBuild.sln"))
        {
            Console.Error.WriteLine("Run the image benchmark from the repository's root.");
            return 2;
        }
        return RunAsync(options["--repeat"]).GetAwaiter().GetResult();
    }

    static async Task<int> RunAsync(int repeat)
    {
        var root = Directory.CreateTempSubdirectory("mlopsbuild-image-bench-").FullName;
        using var docker = DockerClient.FromEnvironment();
        var tags = new List<string>();
        try
        {
            await docker.PingAsync();
            var models = ModelVariants(ServingBenchmark.TrainModel(root), root, repeat + 1);
            var server = Path.Combine(root, "server");
            Console.WriteLine("Publishing src/MlopsBuild.Serving (Release, linux-x64, self-contained) ...");
            ServingBenchmark.Exec("dotnet", "restore", "src/MlopsBuild.Serving");
            ServingBenchmark.Exec("dotnet", "publish", "src/MlopsBuild.Serving", "--no-restore", "-c", "Release", "-r", "linux-x64", "--self-contained", "true", "-o", server);
            // A file no earlier build has seen: the server layer misses the cache, as after a server change.
            File.WriteAllText(Path.Combine(server, "benchmark-run.txt"), Guid.NewGuid().ToString("N"));
            var baseImage = await LocalBaseImage.EnsureAsync(docker, LocalBaseImage.DefaultName, Console.WriteLine);

            ServerImageSpec Spec(int version)
            {
                var tag = $"{Repository}:v{version}";
                tags.Add(tag);
                return new ServerImageSpec(baseImage.Id, server, [$"{ServerImage.ServerFolder}/MlopsBuild.Serving"], models[version], tag, LabelsOf(version));
            }

            var (cold, image) = await TimeBuildAsync(docker, Spec(0));
            Console.WriteLine($"Cold build (server layer new): {cold:F2} s, image {image.Size / 1e6:F1} MB");
            var rebuilds = new List<double>();
            for (var version = 1; version <= repeat; version++)
            {
                var (seconds, rebuilt) = await TimeBuildAsync(docker, Spec(version));
                rebuilds.Add(seconds);
                image = rebuilt;
                Console.WriteLine($"Model-only rebuild {version}: {seconds:F2} s");
            }
            var processStarts = new List<double>();
            for (var run = 0; run < repeat; run++) processStarts.Add(ProcessStartToReadySeconds(server, models[0]));
            Console.WriteLine($"Server process start to ready (no container): {string.Join(", ", processStarts.Select(s => $"{s:F2} s"))}");
            var starts = new List<double>();
            for (var run = 0; run < repeat; run++) starts.Add(await StartToReadySecondsAsync(docker, image));
            Console.WriteLine($"Container create + start to ready: {string.Join(", ", starts.Select(s => $"{s:F2} s"))}");
            Console.WriteLine($"Model-only rebuild median {Timing.Median([.. rebuilds]):F2} s (goal ≤ 5 s); start to ready median {Timing.Median([.. processStarts]):F2} s as a process, " +
                $"{Timing.Median([.. starts]):F2} s as a container (goal < 1 s); image {image.Size / 1e6:F1} MB");

            var result = new
            {
                benchmark = "image",
                storageDriver = "see `docker info` (CI: vfs)",
                coldBuildSeconds = Math.Round(cold, 3),
                modelOnlyRebuildSeconds = rebuilds.Select(s => Math.Round(s, 3)),
                processStartToReadySeconds = processStarts.Select(s => Math.Round(s, 3)),
                containerStartToReadySeconds = starts.Select(s => Math.Round(s, 3)),
                imageBytes = image.Size,
                goals = new { modelOnlyRebuildSeconds = 5, startToReadySeconds = 1 },
                machine = BenchmarkResults.Machine,
            };
            BenchmarkResults.Write(ResultFile, result);
            return 0;
        }
        finally
        {
            foreach (var tag in tags) await docker.RemoveImageAsync(tag);
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>As many labels as Package gives its images, the lineage ones changing with the model.</summary>
    static Dictionary<string, string> LabelsOf(int version) => new(StringComparer.Ordinal)
    {
        ["org.opencontainers.image.title"] = Repository,
        ["org.opencontainers.image.version"] = $"v{version}",
        ["org.opencontainers.image.revision"] = "benchmark",
        ["io.mlopsbuild.model.version"] = $"v{version}",
        ["io.mlopsbuild.model.digest"] = $"benchmark-{version}",
        ["io.mlopsbuild.data.fingerprint"] = "benchmark",
    };

    /// <summary>The trained model, saved again with distinct metadata: valid models whose files differ byte for byte.</summary>
    static string[] ModelVariants(string trainedModel, string root, int count)
    {
        var model = ModelFile.Load(trainedModel);
        return [.. Enumerable.Range(0, count).Select(version =>
        {
            var path = Path.Combine(root, $"model-{version}.mlmodel");
            ModelFile.Save(new TrainedModel(model.Signature, model.Predictor, model.Metadata with { DataFingerprint = $"benchmark-{version}" }), path);
            return path;
        })];
    }

    static async Task<(double Seconds, BuiltImage Image)> TimeBuildAsync(DockerClient docker, ServerImageSpec spec)
    {
        var stopwatch = Stopwatch.StartNew();
        var image = await ServerImage.BuildAsync(docker, spec);
        return (stopwatch.Elapsed.TotalSeconds, image);
    }

    /// <summary>The published server started as a plain process until /v2/health/ready answers 200.</summary>
    static double ProcessStartToReadySeconds(string server, string model)
    {
        var port = ServingBenchmark.FreePort();
        var stopwatch = Stopwatch.StartNew();
        using var process = ServingBenchmark.Start(Path.Combine(server, "MlopsBuild.Serving"),
            ["--model", model, "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture)]);
        try
        {
            ServingBenchmark.WaitReady($"http://127.0.0.1:{port}/v2/health/ready");
            return stopwatch.Elapsed.TotalSeconds;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>A container of the image created and started until /v2/health/ready answers 200.</summary>
    static async Task<double> StartToReadySecondsAsync(DockerClient docker, BuiltImage image)
    {
        var port = ServingBenchmark.FreePort();
        var stopwatch = Stopwatch.StartNew();
        var container = await docker.CreateContainerAsync(new ContainerSpec(image.Id) { Command = ["--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture)] });
        try
        {
            await docker.StartContainerAsync(container);
            ServingBenchmark.WaitReady($"http://127.0.0.1:{port}/v2/health/ready");
            return stopwatch.Elapsed.TotalSeconds;
        }
        finally
        {
            await docker.RemoveContainerAsync(container);
        }
    }
}
