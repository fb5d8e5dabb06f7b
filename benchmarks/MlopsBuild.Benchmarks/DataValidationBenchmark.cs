using System.Diagnostics;
using System.Globalization;
using System.Text;
using MlopsBuild.Core.Hashing;
using MlopsBuild.Data.Schema;
using MlopsBuild.Data.Validation;

namespace MlopsBuild.Benchmarks;

/// <summary>
/// Full validation and statistics of a generated 1,000,000-row × 28-numeric-column + label CSV, side by side in one
/// run with <c>cat FILE &gt; /dev/null</c> (the disk/page-cache floor) and <c>pandas.read_csv</c> alone (the peer).
/// Each measured command runs in its own process, so its peak RSS is its own. Options: --rows, --repeat.
/// </summary>
internal static class DataValidationBenchmark
{
    const string ResultFile = "artifacts/benchmarks/data-validation.json";
    const int FeatureColumns = 28;

    sealed record Options(int Rows, int Repeat);

    sealed record Measurement(double Milliseconds, long PeakRssKb);

    public static int Run(string[] args)
    {
        if (Parse(args) is not { } options)
        {
            Console.Error.WriteLine("Usage: data-validation [--rows 1000000] [--repeat 3]");
            return 2;
        }
        var root = Directory.CreateTempSubdirectory("mlopsbuild-data-bench-").FullName;
        try
        {
            var file = Path.Combine(root, "wide.csv");
            Console.WriteLine($"Writing {options.Rows:N0} rows × {FeatureColumns} numeric columns + label to {file} ...");
            Generate(file, options.Rows);
            var megabytes = new FileInfo(file).Length / 1048576.0;
            Measure(() => Cat(file)); // warm the page cache: every contender then reads from memory alike

            var havePandas = Pandas(file) is not null;
            var cat = new List<Measurement>();
            var pandas = new List<Measurement>();
            var ours = new List<Measurement>();
            for (var i = 0; i < options.Repeat; i++)
            {
                cat.Add(Measure(() => Cat(file)));
                if (havePandas) pandas.Add(Pandas(file)!);
                ours.Add(Ours(file));
            }

            var result = new
            {
                benchmark = "data-validation",
                rows = options.Rows,
                columns = FeatureColumns + 1,
                megabytes = Math.Round(megabytes, 1),
                repeat = options.Repeat,
                catMs = Median(cat),
                pandasReadCsvMs = havePandas ? Median(pandas) : (double?)null,
                validateAndStatisticsMs = Median(ours),
                megabytesPerSecond = Math.Round(megabytes / (Median(ours) / 1000), 1),
                pandasOverOurs = havePandas ? Math.Round(Median(pandas) / Median(ours), 2) : (double?)null,
                oursOverCat = Math.Round(Median(ours) / Median(cat), 2),
                peakRssMb = Math.Round(ours.Max(m => m.PeakRssKb) / 1024.0, 1),
                pandasPeakRssMb = havePandas ? Math.Round(pandas.Max(m => m.PeakRssKb) / 1024.0, 1) : (double?)null,
                machine = BenchmarkResults.Machine,
            };
            Console.WriteLine($"File: {megabytes:F1} MB, median of {options.Repeat} runs");
            Console.WriteLine($"  cat FILE > /dev/null:          {result.catMs,9:F1} ms");
            Console.WriteLine(havePandas
                ? $"  pandas.read_csv (read only):   {result.pandasReadCsvMs,9:F1} ms   peak RSS {result.pandasPeakRssMb} MB"
                : "  pandas.read_csv: not measured (apt-get install python3-pandas)");
            Console.WriteLine($"  MlopsBuild validate + stats:   {result.validateAndStatisticsMs,9:F1} ms   peak RSS {result.peakRssMb} MB   {result.megabytesPerSecond} MB/s");
            Console.WriteLine($"  pandas / ours = {result.pandasOverOurs?.ToString() ?? "–"}x (goal ≥ 4), ours / cat = {result.oursOverCat}x");
            BenchmarkResults.Write(ResultFile, result);
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The measured command of this benchmark, run in a child process: validate one file, print time and peak RSS.</summary>
    public static int RunChild(string[] args)
    {
        var clock = Stopwatch.StartNew();
        var result = DataCheck.Run(args[0], Schema(), new ContentHasher(HashCache.Load(Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.json"))));
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (result.Rows == 0 || !result.Passed) throw new InvalidOperationException("The benchmark data did not validate: " + string.Join("; ", result.Errors));
        Console.WriteLine($"{elapsed.ToString(CultureInfo.InvariantCulture)} {PeakRssKb()}");
        return 0;
    }

    static Measurement Ours(string file)
    {
        // This program again: through its app host, or through dotnet with the assembly when started that way.
        var host = Environment.ProcessPath!;
        string[] arguments = Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? [typeof(DataValidationBenchmark).Assembly.Location, "data-validation-child", file]
            : ["data-validation-child", file];
        var output = RunProcess(host, arguments).Split(' ');
        return new Measurement(double.Parse(output[0], CultureInfo.InvariantCulture), long.Parse(output[1], CultureInfo.InvariantCulture));
    }

    static Measurement? Pandas(string file)
    {
        const string script = "import sys,time,resource\nimport pandas\nt=time.perf_counter()\npandas.read_csv(sys.argv[1])\nprint((time.perf_counter()-t)*1000, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)";
        try
        {
            var output = RunProcess("/usr/bin/python3", ["-c", script, file]).Split(' ');
            return new Measurement(double.Parse(output[0], CultureInfo.InvariantCulture), long.Parse(output[1], CultureInfo.InvariantCulture));
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    static void Cat(string file) => RunProcess("/bin/sh", ["-c", "cat \"$0\" > /dev/null", file]);

    static Measurement Measure(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return new Measurement(clock.Elapsed.TotalMilliseconds, 0);
    }

    static string RunProcess(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed: {error.Result}");
        return output.Result.Trim();
    }

    static long PeakRssKb() =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).Single();

    static DatasetSchema Schema() => new()
    {
        Columns = Enumerable.Range(1, FeatureColumns)
            .Select(i => new ColumnSchema { Name = $"f{i:D2}", Type = ColumnType.Numeric, Min = -1000, Max = 1000 })
            .Append(new ColumnSchema { Name = "label", Type = ColumnType.Boolean, Role = ColumnRole.Label })
            .ToList(),
    };

    /// <summary>Values like "-41.735826": about 280 bytes a row, so a million rows make the ~270 MB file of the goal.</summary>
    static void Generate(string file, int rows)
    {
        var state = 0x9E3779B97F4A7C15UL;
        using var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 20);
        writer.Write(string.Join(',', Enumerable.Range(1, FeatureColumns).Select(i => $"f{i:D2}")) + ",label\n");
        Span<char> buffer = stackalloc char[32];
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < FeatureColumns; column++)
            {
                state ^= state >> 12;
                state ^= state << 25;
                state ^= state >> 27;
                var value = ((state * 0x2545F4914F6CDD1DUL) >> 11) * (1.0 / (1UL << 53)) * 200 - 100;
                value.TryFormat(buffer, out var written, "F6", CultureInfo.InvariantCulture);
                writer.Write(buffer[..written]);
                writer.Write(',');
            }
            writer.Write((state & 1) == 0 ? "0\n" : "1\n");
        }
        GeneratedFiles.WriteToDisk(writer);
    }

    static double Median(List<Measurement> measurements)
    {
        var sorted = measurements.Select(m => m.Milliseconds).Order().ToList();
        var middle = sorted.Count / 2;
        return Math.Round(sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2, 1);
    }

    static Options? Parse(string[] args) =>
        IntegerOptions.Parse(args, new Dictionary<string, int> { ["--rows"] = 1_000_000, ["--repeat"] = 3 }) is { } values
            ? new Options(values["--rows"], values["--repeat"])
            : null;
}
