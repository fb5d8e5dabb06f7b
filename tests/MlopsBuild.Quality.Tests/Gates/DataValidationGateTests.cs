using MlopsBuild.Core.Hashing;
using MlopsBuild.Data.Reports;
using MlopsBuild.Data.Schema;
using MlopsBuild.Data.Statistics;
using MlopsBuild.Data.Validation;
using MlopsBuild.Quality.Gates;
using MlopsBuild.Testing;
using static MlopsBuild.Quality.Gates.QualityGates;

namespace MlopsBuild.Quality.Tests.Gates;

/// <summary>The data gate reads what ValidateData really writes: each case runs the data check and its report.</summary>
public sealed class DataValidationGateTests : IDisposable
{
    readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    static readonly DatasetSchema Schema = new()
    {
        Columns =
        [
            new ColumnSchema { Name = "age", Type = ColumnType.Integer, Min = 18, Max = 85 },
            new ColumnSchema { Name = "region", Type = ColumnType.Categorical, AllowedValues = ["north", "south"] },
        ],
    };

    DataValidationOutcome Check(string name, Func<int, string> row, DatasetStatistics? reference = null)
    {
        var data = directory.Write($"{name}.csv", "age,region\n" + string.Concat(Enumerable.Range(0, 200).Select(i => row(i) + "\n")));
        var result = DataCheck.Run(data, Schema, new ContentHasher(HashCache.Load(directory.File("hashes.json"))), reference);
        var reports = Path.Combine(directory.Path, name);
        Directory.CreateDirectory(reports);
        DataReport.WriteAll(result, reports, directory.Path);
        return DataValidationFile.Load(Path.Combine(reports, DataReport.JsonFile));
    }

    static CheckResult Gate(DataValidationOutcome outcome) =>
        Assert.Single(Evaluate(GateData.Context(GateData.Linear(GateData.Binary, x: 1)) with { DataValidation = outcome }, DataValidation()).Checks);

    static string Young(int i) => $"{20 + i % 10},{(i % 2 == 0 ? "north" : "south")}";

    [Fact]
    public void Clean_data_passes_and_says_drift_was_not_checked()
    {
        var check = Gate(Check("clean", Young));
        Assert.True(check.Passed, check.Reason);
        Assert.Equal(CheckKinds.Data, check.Kind);
        Assert.Equal("0 errors, 0 warnings; drift not checked (no reference statistics)", check.Reason);
    }

    [Fact]
    public void Data_with_errors_fails_with_the_count_and_the_first_error()
    {
        var check = Gate(Check("broken", i => i < 3 ? "7,north" : Young(i)));
        Assert.False(check.Passed);
        Assert.StartsWith("1 error, 0 warnings, the first: ", check.Reason);
        Assert.Contains("age", check.Reason);
    }

    [Fact]
    public void Drift_from_the_reference_is_in_the_verdict()
    {
        var reference = DataCheck.Run(directory.Write("reference.csv", "age,region\n" + string.Concat(Enumerable.Range(0, 200).Select(i => Young(i) + "\n"))),
            Schema, new ContentHasher(HashCache.Load(directory.File("hashes.json")))).Statistics;
        var same = Gate(Check("same", Young, reference));
        Assert.True(same.Passed, same.Reason);
        Assert.EndsWith("no drift: 0 of 2 columns drifted, within the allowed 30%", same.Reason);

        var older = Gate(Check("older", i => $"{60 + i % 20},north", reference));
        Assert.True(older.Passed, older.Reason); // drift only warns unless the schema fails on drift
        Assert.EndsWith("drifted: 2 of 2 columns (age, region), more than the allowed 30%", older.Reason);
    }

    [Fact]
    public void A_missing_or_foreign_validation_file_is_one_clear_error()
    {
        var missing = Assert.Throws<DataValidationFileException>(() => DataValidationFile.Load(directory.File("validation.json")));
        Assert.EndsWith("validation.json: no data check result. Run ValidateData first; it writes this file", missing.Message);

        var foreign = directory.Write("other.json", """{ "passed": true }""");
        var error = Assert.Throws<DataValidationFileException>(() => DataValidationFile.Load(foreign));
        Assert.Contains("other.json: not a data check result", error.Message);
        Assert.EndsWith("Delete it and run ValidateData again", error.Message);
    }
}
