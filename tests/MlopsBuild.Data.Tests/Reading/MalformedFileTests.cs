using MlopsBuild.Data.Reading;

namespace MlopsBuild.Data.Tests.Reading;

/// <summary>Each file under Corpus/Reading holds one mistake; the message must say where it is and what to do.</summary>
public sealed class MalformedFileTests
{
    private static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "Corpus", "Reading");

    [Theory]
    [InlineData("ragged-row.csv(3,4): row 2 has 2 fields but the header has 3. Check for a missing separator or an unquoted separator inside a value")]
    [InlineData("extra-field.csv(3,5): row 2 has 3 fields but the header has 2. Check for a missing separator or an unquoted separator inside a value")]
    [InlineData("ragged-after-multiline.csv(4,7): row 2 has 3 fields but the header has 2. Check for a missing separator or an unquoted separator inside a value")]
    [InlineData("blank-line.csv(3,1): row 2 is an empty line but the header has 2 columns. Remove the empty line")]
    [InlineData("broken-quote.csv(3,5): text follows the closing quote of a quoted field. Double every quote inside a quoted value (\"\") and put a separator or a line end after the closing quote")]
    [InlineData("quote-in-unquoted.csv(2,5): a quote appears inside an unquoted field. Put the whole value in quotes and double the quotes inside it (\"say \"\"hi\"\"\")")]
    [InlineData("unclosed-quote.csv(3,3): a quoted field is never closed. Add the closing quote, and double every quote inside the value (\"\")")]
    [InlineData("empty.csv: the file is empty; expected a header line. Put the column names on the first line")]
    [InlineData("bom-only.csv: the file is empty; expected a header line. Put the column names on the first line")]
    [InlineData("non-utf8.csv(3,8): byte 0xE9 is not valid UTF-8. Save the file as UTF-8")]
    [InlineData("duplicate-header.csv(1,9): column 'id' appears twice in the header, as columns 1 and 3. Rename one of them")]
    [InlineData("empty-header-name.csv(1,4): header column 2 has no name. Give every column a name (check for a separator at the end of the line)")]
    [InlineData("bad-json.jsonl(2,19): invalid JSON: '}' is an invalid start of a value. Write one complete JSON object per line")]
    [InlineData("trailing-text.jsonl(2,11): invalid JSON: 'x' is invalid after a single JSON value. Expected end of data. Write one complete JSON object per line")]
    [InlineData("nested.jsonl(2,22): column 'address' holds an object. Flatten it: values must be strings, numbers, true, false or null")]
    [InlineData("array.jsonl(3,19): column 'tags' holds an array. Flatten it: values must be strings, numbers, true, false or null")]
    [InlineData("unexpected-key.jsonl(2,26): unexpected key 'age'. The first object (line 1) defines the columns: add the key there or remove it here")]
    [InlineData("duplicate-key.jsonl(2,26): key 'id' appears twice in the object. Remove one of them")]
    [InlineData("duplicate-key-first-line.jsonl(1,18): key 'a' appears twice in the object. Remove one of them")]
    [InlineData("unpaired-surrogate.jsonl(1,19): invalid JSON: a \\u escape in this string is half of a surrogate pair. Escape both halves (\\ud83d\\ude00) or write the character itself")]
    [InlineData("not-an-object.jsonl(1,1): the line is not a JSON object. Write one object per line, such as {\"name\": \"value\"}")]
    [InlineData("empty.jsonl: the file is empty; expected one JSON object per line. The keys of the first object define the columns")]
    [InlineData("empty-object.jsonl(1,1): the first object has no keys. Its keys define the columns, so give it one key per column")]
    [InlineData("non-utf8.jsonl(1,25): byte 0xE9 is not valid UTF-8. Save the file as UTF-8")]
    public void A_malformed_file_is_reported_with_its_location_and_a_remedy(string expected)
    {
        string file = expected[..expected.IndexOfAny(['(', ':'])];
        string path = Path.Combine(CorpusDirectory, file);

        var error = Assert.Throws<DataFormatException>(() => ReadingFiles.ReadAll(path));

        Assert.Equal(Path.Combine(CorpusDirectory, expected), error.Message);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void The_corpus_has_a_test_for_every_malformed_file()
    {
        var tested = typeof(MalformedFileTests).GetMethod(nameof(A_malformed_file_is_reported_with_its_location_and_a_remedy))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0])
            .Select(message => message[..message.IndexOfAny(['(', ':'])]);
        string[] valid = ["header-only.csv"];

        var files = Directory.GetFiles(CorpusDirectory).Select(Path.GetFileName).Where(f => !f!.StartsWith('.'));

        Assert.Equal(files.Order(), tested.Concat(valid).Order());
    }

    [Fact]
    public void A_header_only_file_is_a_valid_table_with_no_rows()
    {
        using var reader = TableReader.Open(Path.Combine(CorpusDirectory, "header-only.csv"));

        Assert.Equal(["id", "name", "score"], reader.Columns);
        Assert.Null(reader.ReadBatch());
    }
}
