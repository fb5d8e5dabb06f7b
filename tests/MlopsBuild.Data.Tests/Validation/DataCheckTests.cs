using System.Text;
using MlopsBuild.Core.Hashing;
using MlopsBuild.Data.Reading;
using MlopsBuild.Data.Schema;
using MlopsBuild.Data.Statistics;
using MlopsBuild.Testing;
using MlopsBuild.Data.Validation;

namespace MlopsBuild.Data.Tests.Validation;

public sealed class DataCheckTests : IDisposable
{
    readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    static readonly DatasetSchema Loans = new()
    {
        Columns =
        [
            new ColumnSchema { Name = "id", Type = ColumnType.Categorical, Role = ColumnRole.Id, Unique = true, Pattern = "C[0-9]{3}" },
            new ColumnSchema { Name = "age", Type = ColumnType.Integer, Min = 18, Max = 90 },
            new ColumnSchema { Name = "income", Type = ColumnType.Numeric, Min = 0, MaxMissingFraction = 0.5 },
            new ColumnSchema { Name = "region", Type = ColumnType.Categorical, AllowedValues = ["north", "south"] },
            new ColumnSchema { Name = "signed", Type = ColumnType.DateTime },
            new ColumnSchema { Name = "defaulted", Type = ColumnType.Boolean, Role = ColumnRole.Label },
        ],
        MinRows = 2,
        MaxRows = 100,
    };

    const string Header = "id,age,income,region,signed,defaulted\n";

    DataCheckResult Check(string csv, DatasetSchema? schema = null, DatasetStatistics? reference = null) =>
        DataCheck.Run(directory.Write("data.csv", csv), schema ?? Loans, new ContentHasher(HashCache.Load(directory.File("cache.json"))), reference);

    [Fact]
    public void Clean_data_passes_with_statistics_of_every_column()
    {
        var result = Check(Header + "C001,30,52000.5,north,2024-01-02,0\nC002,45,,south,2024-03-04T10:00:00Z,1\nC003,61,81000,north,2025-12-31,no\n");

        Assert.True(result.Passed, string.Join("\n", result.Anomalies));
        Assert.Empty(result.Anomalies);
        Assert.Equal(3, result.Rows);
        var income = result.Statistics.Find("income")!.Numeric!;
        Assert.Equal(2, income.Count);
        Assert.Equal(1, income.Missing);
        Assert.Equal(66500.25, income.Mean, 6);
        var label = result.Statistics.Find("defaulted")!.Categorical!;
        Assert.Equal([new ValueCount("false", 2), new ValueCount("true", 1)], label.TopValues);
    }

    [Fact]
    public void Every_kind_of_value_problem_is_collected_in_one_pass_with_its_first_rows()
    {
        var result = Check(Header +
            "C001,30,52000,north,2024-01-02,0\n" +
            "C002,abc,-5,east,yesterday,maybe\n" +
            "C002,17,1000,north,2024-01-02,1\n" +
            "X4,200,20,west,2024-01-02,1\n");

        Assert.False(result.Passed);
        string Describe(AnomalyKind kind, string column) => result.Anomalies.Single(a => a.Kind == kind && a.Column == column).Description;
        Assert.Equal("age: 1 value (25%) not whole numbers; first at row 2 (data.csv:3) 'abc'", Describe(AnomalyKind.TypeMismatch, "age"));
        Assert.Equal("age: 2 values (50%) outside [18, 90]; first at row 3 (data.csv:4) '17', row 4 (data.csv:5) '200'", Describe(AnomalyKind.OutOfRange, "age"));
        Assert.Equal("income: 1 value (25%) outside [0, …]; first at row 2 (data.csv:3) '-5'", Describe(AnomalyKind.OutOfRange, "income"));
        Assert.Equal("region: 2 values (50%) not among the 2 known categories; first at row 2 (data.csv:3) 'east', row 4 (data.csv:5) 'west'", Describe(AnomalyKind.UnknownCategory, "region"));
        Assert.Contains("not ISO 8601 dates", Describe(AnomalyKind.TypeMismatch, "signed"));
        Assert.Contains("not booleans", Describe(AnomalyKind.TypeMismatch, "defaulted"));
        Assert.Equal("id: 1 value (25%) not matching the pattern C[0-9]{3}; first at row 4 (data.csv:5) 'X4'", Describe(AnomalyKind.PatternMismatch, "id"));
        Assert.Equal("id: 1 value (25%) repeating an earlier value, but the column must be unique; first at row 3 (data.csv:4) 'C002'", Describe(AnomalyKind.DuplicateValue, "id"));
        Assert.All(result.Anomalies, a => Assert.Equal(Severity.Error, a.Severity));
        Assert.Equal([4L, 5L], result.Anomalies.Single(a => a.Kind == AnomalyKind.OutOfRange && a.Column == "age").FirstLocations.Select(l => l.Line));
    }

    [Fact]
    public void Mostly_turns_violations_below_its_tolerance_into_warnings()
    {
        var tolerant = Loans with { Columns = Loans.Columns.Select(c => c.Name == "age" ? c with { Mostly = 0.6 } : c).ToList() };
        var csv = Header + "C001,30,1,north,2024-01-02,0\nC002,31,1,north,2024-01-02,0\nC003,17,1,north,2024-01-02,0\n";

        var warned = Check(csv, tolerant);
        Assert.True(warned.Passed);
        Assert.Equal(Severity.Warning, warned.Anomalies.Single().Severity);
        Assert.Contains("(tolerated: mostly 0.6)", warned.Anomalies.Single().Description);

        Assert.False(Check(csv).Passed);
    }

    [Fact]
    public void Too_many_missing_values_is_an_error_naming_the_share()
    {
        var result = Check(Header + "C001,30,,north,2024-01-02,0\nC002,31,,north,2024-01-02,0\nC003,32,5,north,2024-01-02,0\n");

        var anomaly = result.Anomalies.Single();
        Assert.Equal(AnomalyKind.TooManyMissing, anomaly.Kind);
        Assert.Equal("income: 2 of 3 values (66.7%) missing; at most 50% may be", anomaly.Description);
    }

    [Fact]
    public void Missing_and_unexpected_columns_and_row_counts_are_dataset_anomalies()
    {
        var result = Check("id,Age,income,region,signed,defaulted,notes\nC001,30,1,north,2024-01-02,0,x\n");

        Assert.Contains(result.Errors, a => a.Kind == AnomalyKind.MissingColumn && a.Description == "age: the column is in the schema but not in data.csv (there is a column 'Age': rename one of them)");
        Assert.Contains(result.Errors, a => a.Kind == AnomalyKind.UnexpectedColumn && a.Column == "notes");
        Assert.Contains(result.Errors, a => a.Kind == AnomalyKind.RowCountOutOfBounds && a.Description == "the dataset has 1 rows; the schema expects 2 to 100");

        var allowed = Check("id,age,income,region,signed,defaulted,notes\nC001,30,1,north,2024-01-02,0,x\nC002,30,1,north,2024-01-02,0,x\n",
            Loans with { AllowExtraColumns = true });
        Assert.Equal(Severity.Warning, allowed.Anomalies.Single().Severity);
    }

    [Fact]
    public void A_folder_is_one_dataset_whose_rows_are_numbered_across_its_files()
    {
        directory.Write("parts/a.csv", Header + "C001,30,1,north,2024-01-02,0\n");
        directory.Write("parts/b.csv", Header + "C002,300,1,north,2024-01-02,0\n");

        var result = DataCheck.Run(directory.File("parts"), Loans, new ContentHasher(HashCache.Load(directory.File("cache.json"))));

        Assert.Equal(2, result.Rows);
        Assert.Equal(["a.csv", "b.csv"], result.Files.Select(f => f.Name));
        Assert.Equal(new RowLocation(2, "b.csv", 2), result.Anomalies.Single().FirstLocations.Single());
    }

    [Fact]
    public void The_fingerprint_names_the_content_and_changes_with_it()
    {
        var csv = Header + "C001,30,1,north,2024-01-02,0\nC002,31,1,north,2024-01-02,0\n";
        var first = Check(csv);
        var again = Check(csv);
        var changed = Check(csv.Replace("31", "32"));

        Assert.Equal(first.Fingerprint, again.Fingerprint);
        Assert.NotEqual(first.Fingerprint, changed.Fingerprint);
        Assert.Equal(ContentHasher.HashText(csv), first.Files.Single().Hash);
    }

    [Theory]
    [InlineData("data.csv", 16, true)]   // the file is whole read blocks: the last read finds nothing
    [InlineData("data.csv", 23, false)]
    [InlineData("data.jsonl", 16, true)]
    public void The_files_are_hashed_as_they_are_validated_and_unchanged_files_come_from_the_cache(string name, int readBytes, bool wholeBlocks)
    {
        string Text(string id) => name.EndsWith(".csv", StringComparison.Ordinal)
            ? Header + id + ",30,1,north,2024-01-02,0\nC002,3,1,north,2024-01-02,0\n"
            : "{\"id\":\"" + id + "\",\"age\":30}\n{\"id\":\"C002\",\"age\":31}\n";
        var text = Text("C001");
        var padding = (readBytes - text.Length % readBytes) % readBytes;
        text = Text("C001" + new string('x', wholeBlocks ? padding : padding == 0 ? 1 : 0));
        Assert.Equal(wholeBlocks, text.Length % readBytes == 0);
        var path = directory.Write(name, text);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1)); // outside the racy window, so it may be cached
        var schema = new DatasetSchema { Columns = [new ColumnSchema { Name = "id", Type = ColumnType.Text }, new ColumnSchema { Name = "age", Type = ColumnType.Integer }], AllowExtraColumns = true };
        var hasher = new ContentHasher(HashCache.Load(directory.File("cache.json")));
        var options = new TableReadOptions { ReadBufferBytes = readBytes };

        var first = DataCheck.Run(path, schema, hasher, readOptions: options);
        var second = DataCheck.Run(path, schema, hasher, readOptions: options);

        Assert.Equal(ContentHasher.HashText(text), first.Files.Single().Hash);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), first.Files.Single().Bytes);
        Assert.Equal(first.Files, second.Files);
        Assert.Equal(1, hasher.FilesRead);
    }

    [Fact]
    public void Drift_from_a_reference_gives_a_dataset_verdict_that_warns_or_fails_as_the_schema_says()
    {
        var rows = Enumerable.Range(0, 200).Select(i => $"C{i % 1000:D3},{20 + i % 50},{1000 + i * 10},{(i % 2 == 0 ? "north" : "south")},2024-01-02,{i % 2}");
        var shifted = Enumerable.Range(0, 200).Select(i => $"C{i % 1000:D3},{60 + i % 30},{9000 + i * 10},north,2024-01-02,{i % 2}");
        var schema = Loans with { MaxRows = null };
        var reference = Check(Header + string.Join("\n", rows) + "\n", schema).Statistics;

        var same = Check(Header + string.Join("\n", rows) + "\n", schema, reference);
        var drifted = Check(Header + string.Join("\n", shifted) + "\n", schema, reference);
        var failing = Check(Header + string.Join("\n", shifted) + "\n", schema with { FailOnDrift = true }, reference);

        Assert.False(same.Drift!.DatasetDrifted);
        Assert.True(drifted.Drift!.DatasetDrifted);
        Assert.Contains(drifted.Drift.Columns, c => c.Column == "age" && c.Drifted);
        Assert.Equal(Severity.Warning, drifted.Anomalies.Single(a => a.Kind == AnomalyKind.DatasetDrift).Severity);
        Assert.True(drifted.Passed);
        Assert.False(failing.Passed);
    }

    [Fact]
    public void Booleans_count_alike_whether_read_from_bytes_or_decoded_for_a_pattern()
    {
        // A pattern sends every field of the column through the decoded path; without one, booleans are read from UTF-8.
        var rows = string.Concat(Enumerable.Range(0, 1500).Select(i => $"C{i % 1000:D3},30,1,north,2024-01-02,{(i % 7) switch { 0 => "yes", 1 => "No", 2 => "TRUE", 3 => "f", 4 => "", 5 => "1", _ => "t" }}\n"));
        var schema = Loans with { MaxRows = null, Columns = [.. Loans.Columns.Select(c => c with { Unique = false })] };
        var withPattern = schema with { Columns = [.. schema.Columns.Select(c => c.Name == "defaulted" ? c with { Pattern = ".*" } : c)] };

        var fromBytes = Check(Header + rows, schema).Statistics.Find("defaulted")!.Categorical!;
        var decoded = Check(Header + rows, withPattern).Statistics.Find("defaulted")!.Categorical!;

        Assert.Equal(StatisticsFile.ToJson(new DatasetStatistics(1, [new("d", ColumnType.Boolean, ColumnRole.Label, null, decoded)])),
            StatisticsFile.ToJson(new DatasetStatistics(1, [new("d", ColumnType.Boolean, ColumnRole.Label, null, fromBytes)])));
        Assert.Equal([new ValueCount("true", 857), new ValueCount("false", 429)], fromBytes.TopValues);
        Assert.Equal(214, fromBytes.Missing);
    }

    [Theory]
    [InlineData(16_384)]
    [InlineData(7)]
    public void Numbers_summarise_alike_whether_parsed_four_rows_at_a_time_or_decoded_for_a_pattern(int batchRows)
    {
        // A pattern sends every field of the column through the decoded path. Without one, short decimals are parsed four
        // rows at a time, and four rows with any other field one by one; batches of 7 rows end with rows left over.
        string[] others = ["1e3", "", "1.2.3", "12", "-5000.25", " 2.5", "9007199254740993", "+.5", "-0.000", "1é"];
        var rows = string.Concat(Enumerable.Range(0, 1501).Select(i =>
            $"C{i % 1000:D3},30,{(i % 9 < 7 ? (((i * 7919) % 20_000) - 10_000) / 100.0 : others[i % others.Length])},north,2024-01-02,1\n"));
        var schema = Loans with { MaxRows = null, Columns = [.. Loans.Columns.Select(c => c with { Unique = false })] };
        var withPattern = schema with { Columns = [.. schema.Columns.Select(c => c.Name == "income" ? c with { Pattern = ".*" } : c)] };
        var options = new TableReadOptions { BatchRows = batchRows };
        var path = directory.Write("data.csv", Header + rows);

        var fourAtATime = DataCheck.Run(path, schema, new ContentHasher(HashCache.Load(directory.File("cache.json"))), readOptions: options);
        var decoded = DataCheck.Run(path, withPattern, new ContentHasher(HashCache.Load(directory.File("cache.json"))), readOptions: options);

        static string Income(DataCheckResult result) =>
            StatisticsFile.ToJson(new DatasetStatistics(result.Rows, [result.Statistics.Find("income")!]))
            + string.Join("\n", result.Anomalies.Where(a => a.Column == "income")
                .Select(a => $"{a.Kind} {a.Count} {string.Join(",", a.FirstLocations)} {string.Join("|", a.Examples)}"));
        Assert.Equal(Income(decoded), Income(fourAtATime));
        var income = fourAtATime.Anomalies.Where(a => a.Column == "income").ToDictionary(a => a.Kind, a => a.Count);
        Assert.True(income[AnomalyKind.OutOfRange] > 100 && income[AnomalyKind.TypeMismatch] > 10, string.Join("; ", income));
        var numbers = fourAtATime.Statistics.Find("income")!.Numeric!;
        Assert.Equal(1501, numbers.Count + numbers.Missing + income[AnomalyKind.TypeMismatch]);
    }

    [Fact]
    public void A_file_that_breaks_after_many_batches_fails_with_the_readers_error_once_every_check_has_stopped()
    {
        var rows = string.Concat(Enumerable.Range(0, 500).Select(i => $"C{i % 1000:D3},30,{i},north,2024-01-02,{i % 2}\n"));
        var path = directory.Write("data.csv", Header + rows + "C999,30,1,north\n" + rows);

        var error = Assert.Throws<DataFormatException>(() => DataCheck.Run(path, Loans with { MaxRows = null },
            new ContentHasher(HashCache.Load(directory.File("cache.json"))), readOptions: new TableReadOptions { BatchRows = 7 }));

        Assert.Equal(502, error.Line);
        Assert.Contains("row 501 has 4 fields but the header has 6", error.Message);
    }

    [Fact]
    public void Statistics_do_not_depend_on_how_the_rows_are_batched()
    {
        var rows = string.Concat(Enumerable.Range(0, 5000).Select(i => $"C{i % 1000:D3},{18 + i % 70},{i * 1.5},{(i % 3 == 0 ? "north" : "south")},2024-01-02,{i % 2}\n"));
        var path = directory.Write("data.csv", Header + rows);
        DataCheckResult Run(int batch) => DataCheck.Run(path, Loans with { MaxRows = null },
            new ContentHasher(HashCache.Load(directory.File("cache.json"))), readOptions: new TableReadOptions { BatchRows = batch });

        Assert.Equal(
            StatisticsFile.ToJson(Run(16_384).Statistics),
            StatisticsFile.ToJson(Run(7).Statistics));
    }
}
