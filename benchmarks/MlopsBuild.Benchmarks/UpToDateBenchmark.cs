using System.Runtime.InteropServices;
using System.Text.Json;
using MlopsBuild.Core.Hashing;
using MlopsBuild.Core.IO;

namespace MlopsBuild.Benchmarks;

/// <summary>
/// What an up-to-date check costs on a data folder: (a) a plain stat of every file, (b) full SHA-256 hashing with a
/// cold cache, (c) the warm check (load the persisted cache, hash the folder). Options: --size-mb, --files, --repeat.
/// </summary>
internal static class UpToDateBenchmark
{
    const string ResultFile = "artifacts/benchmarks/up-to-date.json";

    // Generated files get a last-write time outside the cache's racy window, like real inputs; brand-new files would
    // (rightly) never be trusted by the cache and every warm check would rehash them.
    static readonly DateTime DataTime = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    sealed record Options(int SizeMb, int Files, int Repeat);

    sealed record Machine(string Os, int Processors, string Runtime);

    sealed record Result(
        string Benchmark, int SizeMb, int Files, int Repeat,
        double StatMs, double ColdHashMs, double WarmCheckMs,
        double WarmOverStat, double ColdOverWarm, double ColdMegabytesPerSecond,
        Machine Machine);

    public static int Run(string[] args)
    {
        if (Parse(args) is not { } options)
        {
            Console.Error.WriteLine("Usage: up-to-date [--size-mb 1024] [--files 16] [--repeat 5]");
            return 2;
        }

        var root = Directory.CreateTempSubdirectory("mlopsbuild-bench-").FullName;
        try
        {
            var data = Path.Combine(root, "data");
            var cacheFile = Path.Combine(root, "hashes.json");
            Console.WriteLine($"Writing {options.SizeMb} MB in {options.Files} files under {root} ...");
            Generate(data, options.SizeMb * 1024L * 1024, options.Files);

            var expected = "";
            var stat = Timing.MedianMilliseconds(options.Repeat, () => StatAll(data));
            var cold = Timing.MedianMilliseconds(options.Repeat, () =>
            {
                File.Delete(cacheFile);
                expected = Check(data, cacheFile);
            });
            var warm = Timing.MedianMilliseconds(options.Repeat, () =>
            {
                if (Check(data, cacheFile) != expected) throw new InvalidOperationException("The warm check disagrees with the cold hash.");
            });

            var result = new Result(
                "up-to-date", options.SizeMb, options.Files, options.Repeat,
                Math.Round(stat, 3), Math.Round(cold, 3), Math.Round(warm, 3),
                Math.Round(warm / stat, 2), Math.Round(cold / warm, 1), Math.Round(options.SizeMb / (cold / 1000), 1),
                new Machine(RuntimeInformation.OSDescription, Environment.ProcessorCount, RuntimeInformation.FrameworkDescription));
            Report(result);
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>What the engine does per run: load the persisted cache, hash the folder, save the cache.</summary>
    static string Check(string data, string cacheFile)
    {
        var cache = HashCache.Load(cacheFile);
        var hash = new ContentHasher(cache).HashDirectory(data);
        cache.Save();
        return hash;
    }

    static long StatAll(string data)
    {
        long total = 0;
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
        {
            var info = new FileInfo(file);
            total += info.Length ^ info.LastWriteTimeUtc.Ticks;
        }
        return total;
    }

    static void Generate(string data, long totalBytes, int files)
    {
        Directory.CreateDirectory(data);
        var buffer = new byte[1 << 20];
        for (var i = 0; i < files; i++)
        {
            var path = Path.Combine(data, $"part-{i:D5}.bin");
            var size = totalBytes / files + (i == files - 1 ? totalBytes % files : 0);
            var state = 0x9E3779B97F4A7C15UL * (ulong)(i + 1);
            using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                for (long written = 0; written < size; written += buffer.Length)
                {
                    FillPseudoRandom(buffer, ref state);
                    stream.Write(buffer, 0, (int)Math.Min(buffer.Length, size - written));
                }
                GeneratedFiles.WriteToDisk(stream);
            }
            File.SetLastWriteTimeUtc(path, DataTime);
        }
    }

    // xorshift64*: deterministic and fast enough not to dominate the set-up.
    static void FillPseudoRandom(byte[] buffer, ref ulong state)
    {
        foreach (ref var word in MemoryMarshal.Cast<byte, ulong>(buffer.AsSpan()))
        {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            word = state * 0x2545F4914F6CDD1DUL;
        }
    }

    static void Report(Result result)
    {
        Console.WriteLine($"Data: {result.SizeMb} MB in {result.Files} files, median of {result.Repeat} runs");
        Console.WriteLine($"  (a) stat every file:           {result.StatMs,12:F3} ms");
        Console.WriteLine($"  (b) cold: full SHA-256 hashing: {result.ColdHashMs,12:F3} ms  ({result.ColdMegabytesPerSecond} MB/s)");
        Console.WriteLine($"  (c) warm: cache load + check:   {result.WarmCheckMs,12:F3} ms");
        Console.WriteLine($"  warm/stat = {result.WarmOverStat}x, cold/warm = {result.ColdOverWarm}x");
        var json = JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        var path = Path.GetFullPath(ResultFile);
        AtomicFile.WriteAllText(path, json + "\n");
        Console.WriteLine($"Wrote {path}");
    }

    static Options? Parse(string[] args) =>
        IntegerOptions.Parse(args, new Dictionary<string, int> { ["--size-mb"] = 1024, ["--files"] = 16, ["--repeat"] = 5 }) is { } values
            ? new Options(values["--size-mb"], values["--files"], values["--repeat"])
            : null;
}
