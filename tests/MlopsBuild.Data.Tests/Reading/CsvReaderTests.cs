using MlopsBuild.Data.Reading;
using static MlopsBuild.Data.Tests.Reading.ReadingFiles;

namespace MlopsBuild.Data.Tests.Reading;

public sealed class CsvReaderTests : IDisposable
{
    private readonly ReadingFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Reads_the_header_as_columns_and_each_line_as_a_row()
    {
        using var reader = TableReader.Open(_files.Write("t.csv", "id,name,score\n1,ann,0.5\n2,bob,7\n"));

        Assert.Equal(["id", "name", "score"], reader.Columns);
        Assert.Equal([["1", "ann", "0.5"], ["2", "bob", "7"]], Fields(ReadAll(reader)));
    }

    [Fact]
    public void A_quoted_field_keeps_separators_and_collapses_doubled_quotes()
    {
        var rows = ReadAll(_files.Write("t.csv", "a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"\"\"\"\n"));

        Assert.Equal([["x,y", "say \"hi\"", "\""]], Fields(rows));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void A_quoted_field_keeps_its_line_ends(string lineEnd)
    {
        var rows = ReadAll(_files.Write("t.csv", $"a,b{lineEnd}\"one{lineEnd}two\",3{lineEnd}4,5{lineEnd}"));

        Assert.Equal([[$"one{lineEnd}two", "3"], ["4", "5"]], Fields(rows));
    }

    [Fact]
    public void Crlf_line_ends_are_not_part_of_the_last_field()
    {
        var rows = ReadAll(_files.Write("t.csv", "a,b\r\n1,2\r\n\"3\",\"4\"\r\n"));

        Assert.Equal([["1", "2"], ["3", "4"]], Fields(rows));
    }

    [Theory]
    [InlineData("a,b\n1,2")]
    [InlineData("a,b\r\n1,2")]
    [InlineData("a,b\n1,\"2\"")]
    [InlineData("a,b\n1,2\r")]
    public void The_last_line_needs_no_line_end(string text)
    {
        Assert.Equal([["1", "2"]], Fields(ReadAll(_files.Write("t.csv", text))));
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        using var reader = TableReader.Open(_files.WriteBytes("t.csv", [0xEF, 0xBB, 0xBF, .. "a,b\n1,2\n"u8]));

        Assert.Equal(["a", "b"], reader.Columns);
        Assert.Equal([["1", "2"]], Fields(ReadAll(reader)));
    }

    [Fact]
    public void The_separator_option_applies_to_csv_and_txt_files()
    {
        var options = new TableReadOptions { Separator = ';' };

        Assert.Equal([["1,5", "2"]], Fields(ReadAll(_files.Write("t.csv", "a;b\n1,5;2\n"), options)));
        Assert.Equal([["1,5", "2"]], Fields(ReadAll(_files.Write("t.txt", "a;b\n\"1,5\";2\n"), options)));
    }

    [Fact]
    public void A_tsv_file_is_separated_by_tabs_whatever_the_options_say()
    {
        var path = _files.Write("t.tsv", "a\tb\n1,5\t\"x\ty\"\n");

        using var reader = TableReader.Open(path, new TableReadOptions { Separator = ';' });

        Assert.Equal(["a", "b"], reader.Columns);
        Assert.Equal([["1,5", "x\ty"]], Fields(ReadAll(reader)));
    }

    [Fact]
    public void Empty_fields_are_missing_whether_quoted_or_not()
    {
        using var reader = TableReader.Open(_files.Write("t.csv", "a,b,c\n,\"\",x\n\" \",y,\n"));
        var batch = reader.ReadBatch()!;

        Assert.True(batch.IsMissing(0, 0));
        Assert.True(batch.IsMissing(0, 1));
        Assert.Equal("", batch.Field(0, 1));
        Assert.False(batch.IsMissing(0, 2));
        Assert.False(batch.IsMissing(1, 0));
        Assert.Equal(" ", batch.Field(1, 0).ToString());
        Assert.True(batch.IsMissing(1, 2));
    }

    [Fact]
    public void A_header_without_rows_is_a_table_with_no_rows()
    {
        using var reader = TableReader.Open(_files.Write("t.csv", "a,b\n"));

        Assert.Equal(["a", "b"], reader.Columns);
        Assert.Null(reader.ReadBatch());
    }

    [Fact]
    public void A_header_without_a_line_end_is_a_table_with_no_rows()
    {
        using var reader = TableReader.Open(_files.Write("t.csv", "a,\"b\""));

        Assert.Equal(["a", "b"], reader.Columns);
        Assert.Null(reader.ReadBatch());
    }

    [Fact]
    public void Quoted_header_names_are_unescaped()
    {
        using var reader = TableReader.Open(_files.Write("t.csv", "\"a,1\",\"say \"\"b\"\"\"\n1,2\n"));

        Assert.Equal(["a,1", "say \"b\""], reader.Columns);
    }

    [Fact]
    public void Rows_know_the_line_they_start_on_after_multi_line_fields()
    {
        var rows = ReadAll(_files.Write("t.csv", "id,text\n1,\"a\nb\nc\"\n2,x\n3,\"\r\n\"\n4,y\n"));

        Assert.Equal([2L, 5, 6, 8], rows.Select(r => r.Line));
    }

    [Fact]
    public void In_a_single_column_file_an_empty_line_is_a_missing_value_but_the_final_line_end_is_not_a_row()
    {
        var rows = ReadAll(_files.Write("t.csv", "a\n1\n\n2\n"));

        Assert.Equal([["1"], [null], ["2"]], Fields(rows));
    }

    [Fact]
    public void Text_beyond_ascii_is_decoded()
    {
        var rows = ReadAll(_files.Write("t.csv", "name,emoji\n\"Zoë\",😀\nJosé,日本\n"));

        Assert.Equal([["Zoë", "😀"], ["José", "日本"]], Fields(rows));
    }

    [Fact]
    public void Error_columns_count_characters_not_bytes()
    {
        var error = Assert.Throws<DataFormatException>(() => ReadAll(_files.Write("t.csv", "name,emoji\nJosé,🎉,extra\n")));

        Assert.Equal((2L, 9), (error.Line, error.Column));   // "José,🎉," is 8 UTF-16 characters: the emoji is a surrogate pair
    }

    [Fact]
    public void A_field_longer_than_the_limit_is_an_error_at_its_start()
    {
        var path = _files.Write("t.csv", "a,b\n1,2\n3,\"" + new string('x', 11) + "\"\n");
        var options = new TableReadOptions { MaxFieldLength = 10 };

        var error = Assert.Throws<DataFormatException>(() => ReadAll(path, options));

        Assert.Equal($"{path}(3,3): a field is longer than 10 bytes. Check for an unclosed quote, or raise MaxFieldLength", error.Message);
        Assert.Equal([["1", "2"], ["3", new string('x', 10)]], Fields(ReadAll(_files.Write("ok.csv", "a,b\n1,2\n3," + new string('x', 10) + "\n"), options)));
    }

    [Fact]
    public void A_field_longer_than_the_default_limit_stops_reading_before_the_rest_of_the_file_is_buffered()
    {
        // An unclosed quote would otherwise swallow the whole file into one field.
        var path = _files.Write("huge.csv", "a,b\n1,\"" + new string('x', (1 << 20) + 1) + "\n" + string.Concat(Enumerable.Repeat("2,3\n", 100_000)));

        var error = Assert.Throws<DataFormatException>(() => ReadAll(path));

        Assert.Equal($"{path}(2,3): a field is longer than 1048576 bytes. Check for an unclosed quote, or raise MaxFieldLength", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"")]
    public void Reading_stops_at_a_field_over_the_limit_instead_of_buffering_the_rest(string quote)
    {
        // The invalid byte lies beyond the limit: reading on to it would report it instead.
        byte[] bytes = [.. "a,b\n1,"u8, .. System.Text.Encoding.UTF8.GetBytes(quote), .. Enumerable.Repeat((byte)'x', 1000), 0xFF];
        var path = _files.WriteBytes("t.csv", bytes);

        var error = Assert.Throws<DataFormatException>(() => ReadAll(path, new TableReadOptions { MaxFieldLength = 100, ReadBufferBytes = 16, ChunkBytes = 16 }));

        Assert.Equal($"{path}(2,3): a field is longer than 100 bytes. Check for an unclosed quote, or raise MaxFieldLength", error.Message);
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        var path = _files.Write("t.csv", "a\n1\n");

        Assert.Throws<ArgumentException>(() => TableReader.Open(path, new TableReadOptions { Separator = '"' }));
        Assert.Throws<ArgumentException>(() => TableReader.Open(path, new TableReadOptions { Separator = '§' }));
        Assert.Throws<ArgumentOutOfRangeException>(() => TableReader.Open(path, new TableReadOptions { BatchRows = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => TableReader.Open(path, new TableReadOptions { MaxFieldLength = 0 }));
    }
}
