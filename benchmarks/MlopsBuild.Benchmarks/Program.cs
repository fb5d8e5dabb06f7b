using MlopsBuild.Benchmarks;
using MlopsBuild.Benchmarks.Images;
using MlopsBuild.Benchmarks.Registry;
using MlopsBuild.Benchmarks.Serving;
using MlopsBuild.Benchmarks.Training;

// One subcommand per benchmark: dotnet run -c Release --project benchmarks/MlopsBuild.Benchmarks -- <name> [options]
var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["up-to-date"] = UpToDateBenchmark.Run,
    ["data-validation"] = DataValidationBenchmark.Run,
    // The process data-validation measures (not meant to be called by hand).
    ["data-validation-child"] = DataValidationBenchmark.RunChild,
    ["training"] = TrainingBenchmark.Run,
    ["registry"] = RegistryBenchmark.Run,
    ["serving"] = ServingBenchmark.Run,
    // The bare ASP.NET app serving measures against (not meant to be called by hand).
    ["serving-ceiling"] = ServingBenchmark.RunCeiling,
    ["image"] = ImageBenchmark.Run,
};

if (args.Length > 0 && benchmarks.TryGetValue(args[0], out var run)) return run(args[1..]);
Console.Error.WriteLine($"Usage: MlopsBuild.Benchmarks <{string.Join('|', benchmarks.Keys)}> [options]");
return 2;
