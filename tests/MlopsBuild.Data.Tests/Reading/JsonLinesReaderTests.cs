using System.Text;
using System.Text.Json;
using MlopsBuild.Data.Reading;
using static MlopsBuild.Data.Tests.Reading.ReadingFiles;

namespace MlopsBuild.Data.Tests.Reading;

public sealed class JsonLinesReaderTests : IDisposable
{
    private readonly ReadingFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("t.jsonl")]
    [InlineData("t.ndjson")]
    public void The_keys_of_the_first_object_are_the_columns(string name)
    {
        using var reader = TableReader.Open(_files.Write(name, "{\"id\": 1, \"name\": \"ann\", \"ok\": true}\n{\"ok\": false, \"id\": 2, \"name\": \"bob\"}\n"));

        Assert.Equal(["id", "name", "ok"], reader.Columns);
        Assert.Equal([["1", "ann", "true"], ["2", "bob", "false"]], Fields(ReadAll(reader)));
    }

    [Fact]
    public void Strings_are_unescaped_and_numbers_keep_their_text()
    {
        var rows = ReadAll(_files.Write("t.jsonl", """
            {"s": "a\"b\\c\u00e9\n😀", "n": -1.50e3, "z": -0}
            """));

        Assert.Equal([["a\"b\\cé\n😀", "-1.50e3", "-0"]], Fields(rows));
    }

    [Fact]
    public void Null_and_absent_keys_are_missing_but_an_empty_string_is_not()
    {
        using var reader = TableReader.Open(_files.Write("t.jsonl", "{\"a\": null, \"b\": \"\", \"c\": 1}\n{\"c\": 2}\n"));
        var batch = reader.ReadBatch()!;

        Assert.True(batch.IsMissing(0, 0));
        Assert.False(batch.IsMissing(0, 1));
        Assert.Equal("", batch.Field(0, 1));
        Assert.True(batch.IsMissing(1, 0));
        Assert.True(batch.IsMissing(1, 1));
        Assert.Equal("2", batch.Field(1, 2).ToString());
    }

    [Fact]
    public void Blank_lines_are_skipped_and_rows_keep_their_line_numbers()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat("\n{\"a\": 1}\r\n  \r\n\n{\"a\": 2}\n\t\n{\"a\": 3}"u8.ToArray()).ToArray();

        var rows = ReadAll(_files.WriteBytes("t.jsonl", bytes));

        Assert.Equal([(2L, "1"), (5L, "2"), (7L, "3")], rows.Select(r => (r.Line, r.Fields[0])));
    }

    [Theory]
    [InlineData(16, 1)]
    [InlineData(50, 7)]
    [InlineData(1 << 20, 16_384)]
    public void Objects_split_across_buffers_and_batches_read_as_written(int readBufferBytes, int batchRows)
    {
        var random = new Random(readBufferBytes);
        string[] keys = ["id", "name", "score", "flag"];
        var text = new StringBuilder();
        var expected = new List<string?[]>();
        for (int row = 0; row < 300; row++)
        {
            var values = new Dictionary<string, object?>
            {
                ["id"] = row,
                ["name"] = random.Next(4) switch { 0 => null, 1 => "Zoë \"😀\"\n日本", 2 => new string('x', random.Next(100)), _ => "" },
                ["score"] = random.NextDouble() * 100,
                ["flag"] = random.Next(2) == 0,
            };
            if (row > 0 && random.Next(3) == 0) values.Remove("score");
            var ordered = row == 0 ? values : values.OrderBy(_ => random.Next()).ToDictionary();
            text.Append(JsonSerializer.Serialize(ordered)).Append(random.Next(4) == 0 ? "\r\n\n" : "\n");
            expected.Add(keys.Select(k => values.TryGetValue(k, out var v) && v is not null ? JsonSerializer.Serialize(v).Trim('"') : null).ToArray());
            if (values["name"] is string name) expected[^1][1] = name;
        }

        var rows = ReadAll(_files.Write("t.jsonl", text.ToString()), new TableReadOptions { ReadBufferBytes = readBufferBytes, BatchRows = batchRows });

        Assert.Equal(expected, rows.Select(r => r.Fields));
    }

    [Fact]
    public void A_string_longer_than_the_limit_is_an_error_at_the_value()
    {
        var path = _files.Write("t.jsonl", "{\"a\": \"12345\"}\n{\"a\": \"123456\"}\n");

        var error = Assert.Throws<DataFormatException>(() => ReadAll(path, new TableReadOptions { MaxFieldLength = 5 }));

        Assert.Equal($"{path}(2,7): a field is longer than 5 bytes. Shorten it, or raise MaxFieldLength", error.Message);
    }
}
