using System.Text;
using MlopsBuild.Data.Reading;
using static MlopsBuild.Data.Tests.Reading.ReadingFiles;

namespace MlopsBuild.Data.Tests.Reading;

/// <summary>
/// Random CSV files read with tiny buffers and batches, so that rows, fields, quotes, line ends and multi-byte
/// characters fall across every kind of boundary; the results must match what the generator wrote.
/// </summary>
public sealed class CsvBatchingTests : IDisposable
{
    private readonly ReadingFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(1, ',', 16, 16, 1)]
    [InlineData(2, ',', 17, 16, 3)]
    [InlineData(3, ';', 64, 20, 7)]
    [InlineData(4, '\t', 31, 100, 1000)]
    [InlineData(5, ',', 1 << 20, 1 << 16, 16_384)]
    public void Rows_split_across_buffers_and_batches_read_as_written(int seed, char separator, int readBufferBytes, int chunkBytes, int batchRows)
    {
        var (text, expected) = GenerateCsv(seed, rows: 400, columns: 5, separator);
        string path = _files.Write(separator == '\t' ? "t.tsv" : "t.csv", text);
        var options = new TableReadOptions
        {
            Separator = separator,
            BatchRows = batchRows,
            ReadBufferBytes = readBufferBytes,
            ChunkBytes = chunkBytes,
        };

        var rows = ReadAll(path, options);

        if (readBufferBytes < 1000) Assert.True(Encoding.UTF8.GetByteCount(text) > 100 * readBufferBytes, "the file must span many reads");
        Assert.Equal(expected.Select(r => r.Fields), rows.Select(r => r.Fields));
        Assert.Equal(expected.Select(r => r.Line), rows.Select(r => r.Line));
    }

    [Fact]
    public void Batches_hold_at_most_batch_rows_and_number_their_rows_from_one()
    {
        var path = _files.Write("t.csv", "n\n" + string.Concat(Enumerable.Range(1, 10).Select(i => $"{i}\n")));
        using var reader = TableReader.Open(path, new TableReadOptions { BatchRows = 3, ReadBufferBytes = 16, ChunkBytes = 16 });

        var batches = new List<(long FirstRow, int Count, string First)>();
        while (reader.ReadBatch() is { } batch) batches.Add((batch.FirstRow, batch.Count, batch.Field(0, 0).ToString()));

        Assert.Equal([(1L, 3, "1"), (4L, 3, "4"), (7L, 3, "7"), (10L, 1, "10")], batches);
        Assert.Null(reader.ReadBatch());
    }

    [Fact]
    public void A_very_wide_table_gets_fewer_rows_per_batch_to_bound_memory()
    {
        const int columns = 2048;
        string header = string.Join(',', Enumerable.Range(0, columns).Select(c => $"c{c}")) + "\n";
        string row = string.Join(',', Enumerable.Repeat("1", columns)) + "\n";
        using var reader = TableReader.Open(_files.Write("wide.csv", header + string.Concat(Enumerable.Repeat(row, 600))));

        var counts = new List<int>();
        while (reader.ReadBatch() is { } batch) counts.Add(batch.Count);

        Assert.Equal([512, 88], counts);   // about a million fields per batch
    }

    [Fact]
    public void Rows_and_columns_outside_the_batch_are_rejected()
    {
        using var reader = TableReader.Open(_files.Write("t.csv", "a,b\n1,2\n"));
        var batch = reader.ReadBatch()!;

        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Field(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Field(0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.IsMissing(0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Line(-1));
    }

    [Fact]
    public void A_row_longer_than_the_initial_buffer_grows_it()
    {
        string longValue = string.Concat(Enumerable.Repeat("héllo wörld ", 2_000));
        var path = _files.Write("t.csv", $"a,b\n1,\"{longValue}\"\n2,{longValue.Replace(" ", "_")}\n");

        var rows = ReadAll(path, new TableReadOptions { ReadBufferBytes = 100, ChunkBytes = 50 });

        Assert.Equal([["1", longValue], ["2", longValue.Replace(" ", "_")]], Fields(rows));
    }

    [Fact]
    public void A_multi_byte_character_split_between_two_reads_is_decoded_whole()
    {
        // With 16-byte reads, each of these characters straddles a read boundary somewhere in the file.
        string[] characters = ["a", "é", "😀", "日", "b", "c"];
        var values = Enumerable.Range(0, 40).Select(i => string.Concat(characters.Take(i % characters.Length)) + string.Concat(characters)).ToList();

        var rows = ReadAll(_files.Write("t.csv", "x\n" + string.Concat(values.Select(v => v + "\n"))), new TableReadOptions { ReadBufferBytes = 16, ChunkBytes = 16 });

        Assert.Equal(values, rows.Select(r => r.Fields[0]));
    }

    [Fact]
    public void An_invalid_byte_found_after_many_buffers_is_reported_at_its_line_and_column()
    {
        var bytes = new List<byte>("a,b\n"u8.ToArray());
        for (int i = 0; i < 100; i++) bytes.AddRange(Encoding.UTF8.GetBytes($"{i},\"é\nx\"\n"));
        bytes.AddRange("1,ab"u8.ToArray());
        bytes.Add(0xFF);
        bytes.AddRange("\n"u8.ToArray());
        var path = _files.WriteBytes("t.csv", [.. bytes]);

        var error = Assert.Throws<DataFormatException>(() => ReadAll(path, new TableReadOptions { ReadBufferBytes = 16, ChunkBytes = 16, BatchRows = 7 }));

        Assert.Equal($"{path}(202,5): byte 0xFF is not valid UTF-8. Save the file as UTF-8", error.Message);
    }

    /// <summary>A CSV text of random values (quoted, escaped, multi-line, empty, non-ASCII) and the rows it holds.</summary>
    private static (string Text, List<(long Line, string?[] Fields)> Rows) GenerateCsv(int seed, int rows, int columns, char separator)
    {
        var random = new Random(seed);
        var text = new StringBuilder(string.Join(separator, Enumerable.Range(0, columns).Select(c => $"c{c}")) + "\n");
        var expected = new List<(long, string?[])>();
        long line = 2;
        for (int row = 0; row < rows; row++)
        {
            var fields = new string?[columns];
            for (int column = 0; column < columns; column++)
            {
                if (column > 0) text.Append(separator);
                string value = RandomValue(random, separator);
                bool mustQuote = value.AsSpan().IndexOfAny([separator, '"', '\n', '\r']) >= 0;
                text.Append(mustQuote || random.Next(5) == 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value);
                fields[column] = value.Length == 0 ? null : value;
            }
            expected.Add((line, fields));
            line += fields.Sum(f => f?.Count(c => c == '\n') ?? 0) + 1;
            bool last = row == rows - 1;
            if (!last || random.Next(2) == 0) text.Append(random.Next(3) == 0 ? "\r\n" : "\n");
        }
        return (text.ToString(), expected);
    }

    private static string RandomValue(Random random, char separator) => random.Next(10) switch
    {
        0 => "",
        1 => $"a{separator}b",
        2 => "say \"hi\"",
        3 => random.Next(2) == 0 ? "two\nlines" : "two\r\nlines",
        4 => "Zoë 😀 日本",
        5 => new string('w', random.Next(20, 300)),
        6 => "\"",
        _ => (random.NextDouble() * 1000 - 500).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
    };
}
