using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace MlopsBuild.Data.Reading;

/// <summary>
/// Reads JSON Lines: one flat object per line, blank lines skipped. The keys of the first object are the columns;
/// later objects may omit keys (missing values) or order them differently, but not add new ones.
/// Two batches and text buffers take turns, so that one batch can be processed while the next is read.
/// </summary>
internal sealed class JsonLinesTableReader : ITableReader
{
    private const int MaxFieldsPerBatch = 1 << 20;

    private readonly ByteLineReader _lines;
    private readonly int _maxFieldLength;
    private readonly int _rowsPerBatch;
    private RowBatch _batch;
    private RowBatch _spareBatch;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _columnIndex;
    private readonly long _firstObjectLine;
    private readonly int[] _seenInObject;   // the object number that last set each column, to find duplicate keys

    private byte[]? _pendingFirstLine;
    private byte[] _text = new byte[1 << 16];
    private byte[] _spareText = new byte[1 << 16];
    private int _textLength;
    private char[] _keyBuffer = new char[256];
    private int _objectNumber;
    private long _rowsRead;
    private bool _finished;

    private JsonLinesTableReader(string path, ByteLineReader lines, TableReadOptions options)
    {
        Path = path;
        _lines = lines;
        _maxFieldLength = options.MaxFieldLength;
        if (!TryReadObjectLine(out var firstLine))
            throw Error(0, 0, "the file is empty; expected one JSON object per line. The keys of the first object define the columns");
        _firstObjectLine = _lines.LineNumber;
        _pendingFirstLine = firstLine.ToArray();

        var columns = ReadKeys(firstLine);
        Columns = columns;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Length; i++) index.Add(columns[i], i);
        _columnIndex = index.GetAlternateLookup<ReadOnlySpan<char>>();
        _seenInObject = new int[columns.Length];
        _rowsPerBatch = Math.Clamp(MaxFieldsPerBatch / columns.Length, 1, options.BatchRows);
        _batch = new RowBatch(columns.Length, _rowsPerBatch, emptyIsMissing: false);
        _spareBatch = new RowBatch(columns.Length, _rowsPerBatch, emptyIsMissing: false);
    }

    public string Path { get; }

    public IReadOnlyList<string> Columns { get; }

    public static JsonLinesTableReader Open(string path, TableReadOptions options)
    {
        var lines = new ByteLineReader(DataFile.OpenRead(path), options.ReadBufferBytes, options.OnFileBytes);
        try
        {
            return new JsonLinesTableReader(path, lines, options);
        }
        catch
        {
            lines.Dispose();
            throw;
        }
    }

    public RowBatch? ReadBatch()
    {
        if (_finished) return null;
        (_text, _spareText) = (_spareText, _text);
        (_batch, _spareBatch) = (_spareBatch, _batch);
        _batch.Start(_rowsRead + 1);
        _textLength = 0;
        int count = 0;
        while (count < _rowsPerBatch)
        {
            ReadOnlySpan<byte> line;
            if (_pendingFirstLine is not null)
            {
                line = _pendingFirstLine;
                _pendingFirstLine = null;
            }
            else if (!TryReadObjectLine(out line))
            {
                break;
            }
            _batch.EnsureCapacity(count + 1);
            ReadObject(line, _batch.Bounds.AsSpan(count * 2 * Columns.Count, 2 * Columns.Count));
            _batch.Lines[count++] = _lines.LineNumber;
        }

        _rowsRead += count;
        if (count == 0)
        {
            _finished = true;
            return null;
        }
        _batch.Finish(_text, count);
        return _batch;
    }

    public void Dispose() => _lines.Dispose();

    /// <summary>The next line that is not blank, checked to be UTF-8.</summary>
    private bool TryReadObjectLine(out ReadOnlySpan<byte> line)
    {
        while (_lines.TryReadLine(out line))
        {
            if (line.Trim(" \t"u8).IsEmpty) continue;
            if (!Utf8.IsValid(line)) throw NotUtf8(line);
            return true;
        }
        return false;
    }

    /// <summary>The keys of the first object, in order; its values are checked later, when it is read as a row.</summary>
    private string[] ReadKeys(ReadOnlySpan<byte> line)
    {
        var keys = new List<string>();
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(line);
        try
        {
            StartObject(ref reader);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string key = reader.GetString()!;
                if (!distinct.Add(key)) throw DuplicateKey(line, reader, key);
                keys.Add(key);
                reader.Skip();
            }
        }
        catch (JsonException e)
        {
            throw InvalidJson(line, e);
        }
        catch (InvalidOperationException)
        {
            throw UnpairedSurrogate(line, reader);
        }
        if (keys.Count == 0)
            throw Error(_lines.LineNumber, 1, "the first object has no keys. Its keys define the columns, so give it one key per column");
        return [.. keys];
    }

    /// <summary>Reads one object into (start, length) pairs over the batch text; length -1 marks a null or absent value.</summary>
    private void ReadObject(ReadOnlySpan<byte> line, Span<int> fields)
    {
        for (int i = 1; i < fields.Length; i += 2) fields[i] = -1;
        _objectNumber++;
        var reader = new Utf8JsonReader(line);
        try
        {
            StartObject(ref reader);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int column = FindColumn(ref reader, line);
                reader.Read();
                ReadValue(ref reader, line, column, fields);
            }
            reader.Read();   // anything after the object makes the reader throw
        }
        catch (JsonException e)
        {
            throw InvalidJson(line, e);
        }
        catch (InvalidOperationException)
        {
            throw UnpairedSurrogate(line, reader);
        }
    }

    private void StartObject(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
            throw Error(_lines.LineNumber, 1, "the line is not a JSON object. Write one object per line, such as {\"name\": \"value\"}");
    }

    private int FindColumn(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        if (_keyBuffer.Length < reader.ValueSpan.Length) _keyBuffer = new char[reader.ValueSpan.Length];
        var key = _keyBuffer.AsSpan(0, reader.CopyString(_keyBuffer));
        if (!_columnIndex.TryGetValue(key, out int column))
            throw Error(_lines.LineNumber, ColumnOf(line, reader.TokenStartIndex),
                $"unexpected key '{key}'. The first object (line {_firstObjectLine}) defines the columns: add the key there or remove it here");
        if (_seenInObject[column] == _objectNumber) throw DuplicateKey(line, reader, key.ToString());
        _seenInObject[column] = _objectNumber;
        return column;
    }

    private void ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, int column, Span<int> fields)
    {
        int start = _textLength;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                EnsureText(reader.ValueSpan.Length);
                _textLength += reader.CopyString(_text.AsSpan(_textLength));
                break;
            case JsonTokenType.Number:
                Append(reader.ValueSpan);
                break;
            case JsonTokenType.True or JsonTokenType.False:
                Append(reader.TokenType == JsonTokenType.True ? "true"u8 : "false"u8);
                break;
            case JsonTokenType.Null:
                return;
            default:
                string kind = reader.TokenType == JsonTokenType.StartObject ? "an object" : "an array";
                throw Error(_lines.LineNumber, ColumnOf(line, reader.TokenStartIndex),
                    $"column '{Columns[column]}' holds {kind}. Flatten it: values must be strings, numbers, true, false or null");
        }
        int length = _textLength - start;
        if (length > _maxFieldLength)
            throw Error(_lines.LineNumber, ColumnOf(line, reader.TokenStartIndex),
                $"a field is longer than {_maxFieldLength} bytes. Shorten it, or raise {nameof(TableReadOptions.MaxFieldLength)}");
        fields[2 * column] = start;
        fields[2 * column + 1] = length;
    }

    private void Append(ReadOnlySpan<byte> value)
    {
        EnsureText(value.Length);
        value.CopyTo(_text.AsSpan(_textLength));
        _textLength += value.Length;
    }

    private void EnsureText(int additional)
    {
        if (_textLength + additional > _text.Length)
            Array.Resize(ref _text, Math.Max(2 * _text.Length, _textLength + additional));
    }

    private DataFormatException DuplicateKey(ReadOnlySpan<byte> line, Utf8JsonReader reader, string key) =>
        Error(_lines.LineNumber, ColumnOf(line, reader.TokenStartIndex), $"key '{key}' appears twice in the object. Remove one of them");

    private DataFormatException InvalidJson(ReadOnlySpan<byte> line, JsonException e)
    {
        // The reader's message ends with its own position ("LineNumber: 0 | BytePositionInLine: 7."); ours comes first.
        string detail = e.Message;
        int position = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (position >= 0) detail = detail[..position];
        return Error(_lines.LineNumber, ColumnOf(line, e.BytePositionInLine ?? 0),
            $"invalid JSON: {detail.TrimEnd('.', ' ')}. Write one complete JSON object per line");
    }

    /// <summary>Utf8JsonReader only notices a \u escape of half a surrogate pair when it decodes the string.</summary>
    private DataFormatException UnpairedSurrogate(ReadOnlySpan<byte> line, Utf8JsonReader reader) =>
        Error(_lines.LineNumber, ColumnOf(line, reader.TokenStartIndex),
            "invalid JSON: a \\u escape in this string is half of a surrogate pair. Escape both halves (\\ud83d\\ude00) or write the character itself");

    private DataFormatException NotUtf8(ReadOnlySpan<byte> line)
    {
        var chars = new char[line.Length];
        Utf8.ToUtf16(line, chars, out int validBytes, out int charsWritten, replaceInvalidSequences: false);
        return Error(_lines.LineNumber, charsWritten + 1, $"byte 0x{line[validBytes]:X2} is not valid UTF-8. Save the file as UTF-8");
    }

    /// <summary>The 1-based column, in characters, of a byte offset within a line already checked to be UTF-8.</summary>
    private static int ColumnOf(ReadOnlySpan<byte> line, long byteOffset) =>
        Encoding.UTF8.GetCharCount(line[..(int)Math.Min(byteOffset, line.Length)]) + 1;

    private DataFormatException Error(long line, int column, string description) => new(Path, line, column, description);
}
