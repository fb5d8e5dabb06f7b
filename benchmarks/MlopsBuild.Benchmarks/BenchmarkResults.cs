using System.Runtime.InteropServices;
using System.Text.Json;
using MlopsBuild.Core.IO;

namespace MlopsBuild.Benchmarks;

/// <summary>Where a benchmark's figures go: an indented JSON file under artifacts/benchmarks/, with the machine they were measured on.</summary>
internal static class BenchmarkResults
{
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The operating system, processor count and runtime: what a figure depends on besides the code.</summary>
    public static object Machine => new { os = RuntimeInformation.OSDescription, processors = Environment.ProcessorCount, runtime = RuntimeInformation.FrameworkDescription };

    /// <summary>Writes <paramref name="result"/> to <paramref name="file"/> (relative to the repository's root) and says where.</summary>
    public static void Write(string file, object result)
    {
        var path = Path.GetFullPath(file);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(result, Indented) + "\n");
        Console.WriteLine($"Wrote {path}");
    }
}
