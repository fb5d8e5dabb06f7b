using System.Text.Json;
using MlopsBuild.Core.Hashing;
using MlopsBuild.Data.Reports;
using MlopsBuild.Data.Schema;
using MlopsBuild.Data.Statistics;
using MlopsBuild.Testing;
using MlopsBuild.Data.Validation;

namespace MlopsBuild.Data.Tests.Reports;

public sealed class DataReportTests : IDisposable
{
    readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    static readonly DatasetSchema Schema = new()
    {
        Columns =
        [
            new ColumnSchema { Name = "amount", Type = ColumnType.Numeric, Max = 100 },
            new ColumnSchema { Name = "colour", Type = ColumnType.Categorical, AllowedValues = ["red", "blue"] },
        ],
    };

    DataCheckResult Check(string name, IEnumerable<string> rows, DatasetStatistics? reference = null) =>
        DataCheck.Run(directory.Write(name, "amount,colour\n" + string.Join("\n", rows) + "\n"), Schema,
            new ContentHasher(HashCache.Load(directory.File("cache.json"))), reference);

    [Fact]
    public void All_four_files_are_written_and_the_json_carries_the_verdict_and_anomalies()
    {
        var result = Check("data.csv", ["5,red", "150,green", "7,blue"]);

        DataReport.WriteAll(result, directory.File("out"), directory.Path);

        using var json = JsonDocument.Parse(File.ReadAllText(directory.File("out/validation.json")));
        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal("data.csv", json.RootElement.GetProperty("files")[0].GetProperty("path").GetString());
        var kinds = json.RootElement.GetProperty("anomalies").EnumerateArray().Select(a => a.GetProperty("kind").GetString());
        Assert.Equal(["OutOfRange", "UnknownCategory"], kinds);
        Assert.Equal(3, StatisticsFile.Load(directory.File("out/statistics.json")).Rows);
        Assert.Contains("| Error | OutOfRange | amount | 1 |", File.ReadAllText(directory.File("out/validation.md")));
    }

    [Fact]
    public void The_html_page_draws_a_histogram_per_column_and_marks_drifted_columns()
    {
        var reference = Check("reference.csv", Enumerable.Range(0, 100).Select(i => $"{i % 50},{(i % 2 == 0 ? "red" : "blue")}")).Statistics;
        var result = Check("data.csv", Enumerable.Range(0, 100).Select(i => $"{50 + i % 50},red"), reference);

        var html = HtmlDataReportText(result);

        Assert.Equal(2, html.Split("<svg ").Length - 1);
        Assert.Contains("<section class=\"card drifted\"><h3>amount <span class=\"badge\">drifted</span>", html);
        Assert.DoesNotContain("http", html.Replace("http://www.w3.org", ""));
    }

    [Fact]
    public void Values_from_the_data_are_escaped_in_the_html()
    {
        var result = Check("data.csv", ["1,<script>alert(1)</script>"]);

        var html = HtmlDataReportText(result);

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void The_summary_is_the_full_markdown_report_without_its_heading_and_columns()
    {
        var result = Check("data.csv", ["5,red", "150,green", "7,blue"]);
        DataReport.WriteAll(result, directory.File("out"), directory.Path);
        var full = File.ReadAllText(directory.File("out/validation.md"));

        var summary = DataReport.SummaryMarkdown(result, directory.Path);

        Assert.StartsWith("- `data.csv`: ", summary);
        Assert.Contains("- 3 rows; dataset fingerprint `sha256:", summary);
        Assert.Contains("### Anomalies\n\n| Severity | Kind | Column | Count | Description |\n|---|---|---|---:|---|\n| Error | OutOfRange | amount | 1 |", summary);
        Assert.DoesNotContain("### Columns", summary);
        Assert.Equal("## Data validation failed\n\n" + summary, full[..full.IndexOf("### Columns", StringComparison.Ordinal)]);
    }

    string HtmlDataReportText(DataCheckResult result)
    {
        DataReport.WriteAll(result, directory.File("out"), directory.Path);
        return File.ReadAllText(directory.File("out/validation.html"));
    }
}
