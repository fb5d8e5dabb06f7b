using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MlopsBuild.Data.Schema;
using MlopsBuild.Learning;
using MlopsBuild.Learning.Persistence;
using MlopsBuild.Learning.Training;
using MlopsBuild.Learning.Trees;

namespace MlopsBuild.Benchmarks.Serving;

/// <summary>
/// Single-row <c>POST /v2/models/{name}/infer</c> on a 100-tree model, through the published server, with wrk (Debian's)
/// at 16 and 64 connections, side by side with a bare ASP.NET endpoint answering the same bytes as a constant (the
/// ceiling: what HTTP alone costs on this machine). Goal: ≥ 70% of the ceiling's requests/s and p99 &lt; 5 ms at 16
/// connections. Options: --duration SECONDS (10), --model PATH (default artifacts/model/model.mlmodel, else a 100-tree
/// model is trained on data/loans.csv). Writes artifacts/benchmarks/serving.json.
/// </summary>
internal static class ServingBenchmark
{
    const string ResultFile = "artifacts/benchmarks/serving.json";
    static readonly int[] Connections = [16, 64];

    public static int Run(string[] args)
    {
        var duration = Option(args, "--duration") is { } d ? int.Parse(d, CultureInfo.InvariantCulture) : 10;
        if (!File.Exists("MlopsBuild.sln"))
        {
            Console.Error.WriteLine("Run the serving benchmark from the repository's root.");
            return 2;
        }
        var root = Directory.CreateTempSubdirectory("mlopsbuild-serving-bench-").FullName;
        var processes = new List<Process>();
        try
        {
            // The goal names a 100-tree model: Train's own model may have stopped early with fewer.
            var modelPath = Option(args, "--model") ?? TrainModel(root);
            var model = ModelFile.Load(modelPath);
            var trees = model.Predictor is TreeEnsemble ensemble ? ensemble.Trees.Count.ToString(CultureInfo.InvariantCulture) : "no";
            Console.WriteLine($"Model {modelPath}: {trees} trees, {model.Signature.Inputs.Count} inputs");
            var server = Publish(Path.Combine(root, "server"));
            var body = SingleRowRequest(model);
            var script = Path.Combine(root, "infer.lua");
            File.WriteAllText(script, $"wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.body = [==[{body}]==]\n");

            var serverPort = FreePort();
            processes.Add(Start(server, ["--model", Path.GetFullPath(modelPath), "--model-name", "bench", "--port", serverPort.ToString(CultureInfo.InvariantCulture)]));
            var serverUrl = $"http://127.0.0.1:{serverPort}/v2/models/bench/infer";
            WaitReady($"http://127.0.0.1:{serverPort}/v2/health/ready");
            var response = Post(serverUrl, body);
            var constant = Path.Combine(root, "constant.json");
            File.WriteAllText(constant, response);

            var ceilingPort = FreePort();
            processes.Add(StartCeiling(ceilingPort, constant));
            var ceilingUrl = $"http://127.0.0.1:{ceilingPort}/v2/models/bench/infer";
            WaitReady($"http://127.0.0.1:{ceilingPort}/v2/health/ready");

            Console.WriteLine("Warming up both (3 s each) ...");
            Wrk.Run(serverUrl, script, 16, 3);
            Wrk.Run(ceilingUrl, script, 16, 3);
            var rows = new List<object>();
            Console.WriteLine($"{"connections",11} {"server req/s",13} {"p50 ms",7} {"p99 ms",7} | {"ceiling req/s",13} {"p50 ms",7} {"p99 ms",7} | ratio");
            foreach (var connections in Connections)
            {
                var ours = Wrk.Run(serverUrl, script, connections, duration);
                var ceiling = Wrk.Run(ceilingUrl, script, connections, duration);
                var ratio = ours.RequestsPerSecond / ceiling.RequestsPerSecond;
                Console.WriteLine($"{connections,11} {ours.RequestsPerSecond,13:N0} {ours.P50Ms,7:F2} {ours.P99Ms,7:F2} | {ceiling.RequestsPerSecond,13:N0} {ceiling.P50Ms,7:F2} {ceiling.P99Ms,7:F2} | {ratio:P0}");
                if (ours.Errors > 0 || ceiling.Errors > 0) Console.WriteLine($"  non-2xx or socket errors: server {ours.Errors}, ceiling {ceiling.Errors}");
                rows.Add(new { connections, server = ours, ceiling, ratio = Math.Round(ratio, 3) });
            }
            Console.WriteLine("Goals: ratio ≥ 70%, p99 < 5 ms at 16 connections.");

            var result = new
            {
                benchmark = "serving",
                model = modelPath,
                request = "single-row POST /v2/models/{name}/infer",
                durationSeconds = duration,
                wrkThreads = Wrk.Threads,
                results = rows,
                goals = new { ratio = 0.7, p99MsAt16 = 5 },
                machine = BenchmarkResults.Machine,
            };
            BenchmarkResults.Write(ResultFile, result);
            return 0;
        }
        finally
        {
            foreach (var process in processes)
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                process.WaitForExit();
                process.Dispose();
            }
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The bare ASP.NET endpoint (the ceiling), as a child process with the server's GC settings.</summary>
    public static int RunCeiling(string[] args) => CeilingApp.Run(int.Parse(args[0], CultureInfo.InvariantCulture), File.ReadAllText(args[1]));

    internal static string TrainModel(string root)
    {
        Console.WriteLine("Training a 100-tree model on data/loans.csv ...");
        var dataset = TabularDatasetLoader.Load("data/loans.csv", SchemaFile.Load("data/loans.schema.yaml"));
        var trainer = new GbdtTrainer(new GbdtOptions { Trees = 100 });
        var model = new TrainedModel(dataset.Signature, trainer.Fit(dataset.Data, null), new TrainingMetadata(trainer.Name, trainer.Parameters, trainer.Seed, "benchmark", dataset.Data.RowCount));
        var path = Path.Combine(root, "model.mlmodel");
        ModelFile.Save(model, path);
        return path;
    }

    /// <summary>Publishes the server as the image does (Release, linux-x64, framework-dependent).</summary>
    static string Publish(string output)
    {
        Console.WriteLine("Publishing src/MlopsBuild.Serving (Release, linux-x64) ...");
        Exec("dotnet", "restore", "src/MlopsBuild.Serving");
        Exec("dotnet", "publish", "src/MlopsBuild.Serving", "--no-restore", "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-o", output);
        return Path.Combine(output, "MlopsBuild.Serving");
    }

    /// <summary>The sample's first row as an infer request (values as the CSV writes them).</summary>
    static string SingleRowRequest(TrainedModel model)
    {
        var lines = File.ReadLines("data/loans.csv").Take(2).ToArray();
        var header = lines[0].Split(',');
        var fields = lines[1].Split(',');
        var json = new StringBuilder("{\"inputs\":[");
        foreach (var input in model.Signature.Inputs)
        {
            var text = fields[Array.IndexOf(header, input.Name)];
            var (datatype, value) = input.Type switch
            {
                _ when text.Length == 0 => (input.Type is ColumnType.Numeric ? "FP64" : input.Type is ColumnType.Integer ? "INT64" : input.Type is ColumnType.Boolean ? "BOOL" : "BYTES", "null"),
                ColumnType.Numeric => ("FP64", text),
                ColumnType.Integer => ("INT64", text),
                ColumnType.Boolean => ("BOOL", text is "true" or "1" ? "true" : "false"),
                _ => ("BYTES", JsonSerializer.Serialize(text)),
            };
            json.Append(CultureInfo.InvariantCulture, $"{{\"name\":\"{input.Name}\",\"datatype\":\"{datatype}\",\"shape\":[1],\"data\":[{value}]}},");
        }
        json.Length--;
        return json.Append("]}").ToString();
    }

    internal static Process Start(string file, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine($"  [{Path.GetFileName(file)}] {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    static Process StartCeiling(int port, string constantFile)
    {
        var self = Environment.ProcessPath!;
        var args = Path.GetFileNameWithoutExtension(self) == "dotnet" ? [typeof(ServingBenchmark).Assembly.Location] : new List<string>();
        args.AddRange(["serving-ceiling", port.ToString(CultureInfo.InvariantCulture), constantFile]);
        var process = Start(self, args);
        return process;
    }

    internal static void WaitReady(string url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                if (client.GetAsync(url).Result.StatusCode == HttpStatusCode.OK) return;
            }
            catch (AggregateException) { }
            Thread.Sleep(50);
        }
        throw new InvalidOperationException($"{url} was not ready within 30 s.");
    }

    static string Post(string url, string body)
    {
        using var client = new HttpClient();
        using var response = client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json")).Result;
        var text = response.Content.ReadAsStringAsync().Result;
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"The server refused the benchmark's request: {text}");
        return text;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static void Exec(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed:\n{output}{error.Result}");
    }

    static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
