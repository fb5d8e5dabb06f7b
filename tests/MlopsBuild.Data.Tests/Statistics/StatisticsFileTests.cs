using MlopsBuild.Data.Schema;
using MlopsBuild.Data.Statistics;
using MlopsBuild.Testing;

namespace MlopsBuild.Data.Tests.Statistics;

public sealed class StatisticsFileTests : IDisposable
{
    readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    static DatasetStatistics Sample()
    {
        var income = new NumericAccumulator();
        foreach (var value in RandomSamples.LogNormal(5_000, seed: 18)) income.Add(value);
        income.AddMissing();
        var age = new NumericAccumulator();
        foreach (var value in Enumerable.Range(18, 60)) age.Add(value);
        var region = new CategoricalAccumulator();
        foreach (var value in new[] { "north", "south", "south", "café \"quoted\"", "A+<b>" }) region.Add(value);
        var empty = new NumericAccumulator();
        empty.AddMissing();

        return new DatasetStatistics(5_001,
        [
            new ColumnStatistics("income", ColumnType.Numeric, ColumnRole.Feature, income.Summarize(), null),
            new ColumnStatistics("age", ColumnType.Integer, ColumnRole.Label, age.Summarize(), null),
            new ColumnStatistics("region", ColumnType.Categorical, ColumnRole.Feature, null, region.Summarize()),
            new ColumnStatistics("empty", ColumnType.DateTime, ColumnRole.Ignored, empty.Summarize(), null),
        ]);
    }

    [Fact]
    public void Saving_what_was_loaded_gives_the_same_bytes()
    {
        var path = _folder.File("stats/statistics.json");
        StatisticsFile.Save(Sample(), path);
        var saved = File.ReadAllBytes(path);

        var loaded = StatisticsFile.Load(path);
        StatisticsFile.Save(loaded, _folder.File("again.json"));

        Assert.Equal(saved, File.ReadAllBytes(_folder.File("again.json")));
        Assert.DoesNotContain((byte)'\r', saved);
    }

    [Fact]
    public void The_same_statistics_give_the_same_file()
    {
        StatisticsFile.Save(Sample(), _folder.File("a.json"));
        StatisticsFile.Save(Sample(), _folder.File("b.json"));

        Assert.Equal(File.ReadAllBytes(_folder.File("a.json")), File.ReadAllBytes(_folder.File("b.json")));
    }

    [Fact]
    public void Every_double_survives_a_round_trip_bit_for_bit()
    {
        var original = Sample();
        var loaded = StatisticsFile.FromJson(StatisticsFile.ToJson(original), "memory");

        var (before, after) = (original.Find("income")!.Numeric!, loaded.Find("income")!.Numeric!);
        Assert.Equal(before.Mean, after.Mean);
        Assert.Equal(before.StandardDeviation, after.StandardDeviation);
        Assert.Equal(before.Percentiles, after.Percentiles);
        Assert.Equal(before.Histogram.Edges, after.Histogram.Edges);
        Assert.True(double.IsNaN(loaded.Find("empty")!.Numeric!.Mean));
        Assert.Equal(original.Find("region")!.Categorical!.Frequencies, loaded.Find("region")!.Categorical!.Frequencies);
        Assert.Equal(ColumnRole.Label, loaded.Find("age")!.Role);
    }

    [Fact]
    public void Values_are_written_readably()
    {
        var json = StatisticsFile.ToJson(Sample());

        Assert.Contains("\"formatVersion\": 1,", json);
        Assert.Contains("\"type\": \"categorical\"", json);
        Assert.Contains("\"value\": \"A+<b>\"", json);
        Assert.Contains("\"mean\": \"NaN\"", json);
    }

    [Fact]
    public void Invalid_json_is_reported_with_file_line_and_column()
    {
        var path = _folder.File("broken.json");
        File.WriteAllText(path, "{\n  \"formatVersion\": 1,\n  \"rows\": 3\n  \"columns\": []\n}\n");

        var error = Assert.Throws<StatisticsFileException>(() => StatisticsFile.Load(path));

        Assert.StartsWith($"{path}(4,3): ", error.Message);
    }

    [Fact]
    public void A_missing_property_is_reported_by_name()
    {
        var error = Assert.Throws<StatisticsFileException>(() => StatisticsFile.FromJson("{\n  \"formatVersion\": 1,\n  \"columns\": []\n}", "stats.json"));

        Assert.StartsWith("stats.json(4,2): ", error.Message);
        Assert.Contains("rows", error.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_reported_with_its_path()
    {
        var json = StatisticsFile.ToJson(Sample()).Replace("\"rows\": 5001", "\"rows\": \"many\"");

        var error = Assert.Throws<StatisticsFileException>(() => StatisticsFile.FromJson(json, "stats.json"));

        Assert.StartsWith("stats.json(3,", error.Message);
        Assert.Contains("$.rows", error.Message);
    }

    [Fact]
    public void Percentiles_of_the_wrong_length_are_rejected_naming_the_column()
    {
        var statistics = Sample();
        var age = statistics.Find("age")!;
        var broken = statistics with
        {
            Columns = [age with { Numeric = age.Numeric! with { Percentiles = [1, 2, 3] } }],
        };

        var error = Assert.Throws<StatisticsFileException>(() => StatisticsFile.FromJson(StatisticsFile.ToJson(broken), "stats.json"));

        Assert.Equal("stats.json: at $.columns[0] (\"age\"): \"percentiles\" must hold 101 values, found 3", error.Message);
    }

    [Fact]
    public void Decreasing_percentiles_are_rejected_naming_the_column()
    {
        var statistics = Sample();
        var age = statistics.Find("age")!;
        var percentiles = age.Numeric!.Percentiles.ToArray();
        percentiles[100] = -175000;
        var broken = statistics with { Columns = [age with { Numeric = age.Numeric with { Percentiles = percentiles } }] };

        var error = Assert.Throws<StatisticsFileException>(() => StatisticsFile.FromJson(StatisticsFile.ToJson(broken), "stats.json"));

        Assert.Equal("stats.json: at $.columns[0] (\"age\"): \"percentiles\" must be finite and non-decreasing, found P100 = -175000 after P99 = 76", error.Message);
    }

    [Fact]
    public void Another_format_version_is_rejected()
    {
        var json = StatisticsFile.ToJson(Sample()).Replace("\"formatVersion\": 1", "\"formatVersion\": 7");

        var error = Assert.Throws<StatisticsFileException>(() => StatisticsFile.FromJson(json, "stats.json"));

        Assert.Contains("version 7 is not supported", error.Message);
    }

    [Fact]
    public void A_missing_file_is_a_statistics_file_error()
    {
        var path = _folder.File("nowhere.json");

        var error = Assert.Throws<StatisticsFileException>(() => StatisticsFile.Load(path));

        Assert.StartsWith(path, error.Message);
    }
}
