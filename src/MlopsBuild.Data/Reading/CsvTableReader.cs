using System.Text;

namespace MlopsBuild.Data.Reading;

/// <summary>
/// Reads RFC 4180 CSV: copies the file's bytes, checked to be UTF-8, a chunk at a time into the batch's text buffer,
/// finds separators, quotes and line feeds with SIMD, and records each field as offsets into that buffer (no string
/// per field). The text stays UTF-8: nothing is decoded until a consumer needs characters.
/// Two batches and text buffers take turns, so that one batch can be processed while the next is read.
/// </summary>
internal sealed class CsvTableReader : ITableReader
{
    private const int MaxFieldsPerBatch = 1 << 20;
    private const int Padding = CsvSpecialCharacterScanner.Width;

    private readonly Utf8ByteSource _source;
    private readonly byte _separator;
    private readonly int _maxFieldLength;
    private readonly int _chunkBytes;
    private readonly int _rowsPerBatch;
    private RowBatch _batch;
    private RowBatch _spareBatch;

    private byte[] _text;
    private byte[] _spareText;
    private int _end;
    private bool _textComplete;

    private int _rowStart;
    private long _rowLine = 1;
    private long _rowsRead;
    private bool _finished;

    // How far the scan of the current row has got: the physical line and the index where that line starts.
    private long _scanLine;
    private int _scanLineStart;

    private CsvSpecialCharacterScanner _scanner;

    private int[] _escapedFields = new int[8];
    private int _escapedCount;

    // Where the last parsed row went wrong, if it has the wrong number of fields.
    private Place _extraField;
    private Place _rowEnd;

    private CsvTableReader(string path, Utf8ByteSource source, byte separator, TableReadOptions options)
    {
        Path = path;
        _source = source;
        _separator = separator;
        _scanner = new CsvSpecialCharacterScanner(separator);
        _maxFieldLength = options.MaxFieldLength;
        _chunkBytes = options.ChunkBytes;
        _text = new byte[4 * _chunkBytes + Padding];
        _spareText = new byte[_text.Length];
        Columns = ReadHeader();
        _rowsPerBatch = Math.Clamp(MaxFieldsPerBatch / Columns.Count, 1, options.BatchRows);
        // A row takes at least a byte per column (its separators and line end), so a file holds at most this many: room
        // for them at once spares a small file a full batch and a large one the batch's growth, copy by copy.
        var mostRows = (int)Math.Min(_rowsPerBatch, source.Length / Columns.Count + 1);
        _batch = new RowBatch(Columns.Count, _rowsPerBatch, emptyIsMissing: true, mostRows);
        _spareBatch = new RowBatch(Columns.Count, _rowsPerBatch, emptyIsMissing: true, mostRows);
    }

    private enum RowStatus { Complete, Incomplete, EndOfText }

    /// <summary>
    /// A place in the text for an error message: its line, the index where that line starts and its own index. The
    /// column, in characters, is only counted when an error needs it.
    /// </summary>
    private readonly record struct Place(long Line, int LineStart, int Index);

    public string Path { get; }

    public IReadOnlyList<string> Columns { get; }

    public static CsvTableReader Open(string path, char separator, TableReadOptions options)
    {
        var source = new Utf8ByteSource(DataFile.OpenRead(path), options.ReadBufferBytes, options.OnFileBytes);
        try
        {
            return new CsvTableReader(path, source, (byte)separator, options);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    public RowBatch? ReadBatch()
    {
        if (_finished) return null;
        SwitchBuffers();
        _batch.Start(_rowsRead + 1);
        int columns = Columns.Count;
        int count = 0;
        while (count < _rowsPerBatch)
        {
            _batch.EnsureCapacity(count + 1);
            var fields = _batch.Bounds.AsSpan(count * 2 * columns, 2 * columns);
            long line = _rowLine;
            if (TryParsePlainRow(fields))
            {
                _batch.Lines[count++] = line;
                continue;
            }
            var status = ParseRow(fields, out int fieldCount);
            if (status == RowStatus.Incomplete)
            {
                Fill();
                continue;
            }
            if (status == RowStatus.EndOfText) break;
            if (fieldCount != columns) throw RaggedRow(_rowsRead + count + 1, fieldCount);
            if (_escapedCount > 0) CollapseDoubledQuotes(fields);
            _batch.Lines[count++] = line;
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

    public void Dispose() => _source.Dispose();

    private string[] ReadHeader()
    {
        while (true)
        {
            // A line of n characters has at most n + 1 fields.
            var fields = new int[2 * (_end - _rowStart + 1)];
            switch (ParseRow(fields, out int count))
            {
                case RowStatus.Complete:
                    return CsvHeader.Names(Path, _text, fields.AsSpan(0, 2 * count), _escapedFields.AsSpan(0, _escapedCount));
                case RowStatus.EndOfText:
                    throw Error(0, 0, "the file is empty; expected a header line. Put the column names on the first line");
                default:
                    Fill();
                    break;
            }
        }
    }

    /// <summary>
    /// Parses the row at <see cref="_rowStart"/> when it is the common case: no quote, exactly as many fields as
    /// <paramref name="fields"/> holds, none too long, and a line end within the decoded text. The fields come straight
    /// from the scanner's bit masks. Anything else returns false, untouched, for <see cref="ParseRow"/>, which knows
    /// every rule and error.
    /// </summary>
    private bool TryParsePlainRow(Span<int> fields)
    {
        byte[] text = _text;
        int end = _end;
        int position = _rowStart;
        for (int field = 0; field < fields.Length; field += 2)
        {
            int terminator = _scanner.Next(text, end, position);
            if (terminator == end) return false;
            byte found = text[terminator];
            int length = terminator - position;
            if (found == '"' || length > _maxFieldLength) return false;
            bool lineEnd = found == '\n';
            if (lineEnd != (field == fields.Length - 2)) return false;
            if (lineEnd && length > 0 && text[terminator - 1] == '\r') length--;
            fields[field] = position;
            fields[field + 1] = length;
            position = terminator + 1;
        }
        _rowStart = position;
        _rowLine++;
        return true;
    }

    /// <summary>
    /// Parses the row at <see cref="_rowStart"/> into (start, length) pairs, counting fields beyond the capacity of
    /// <paramref name="fields"/> without storing them. Leaves the text untouched: doubled quotes are collapsed once the
    /// row is accepted, so an incomplete row can be parsed again after more text is decoded.
    /// </summary>
    private RowStatus ParseRow(Span<int> fields, out int fieldCount)
    {
        byte[] text = _text;
        int end = _end;
        int position = _rowStart;
        int capacity = fields.Length / 2;
        _scanLine = _rowLine;
        _scanLineStart = position;
        _escapedCount = 0;
        fieldCount = 0;
        if (position == end) return _textComplete ? RowStatus.EndOfText : RowStatus.Incomplete;

        while (true)
        {
            var field = new Place(_scanLine, _scanLineStart, position);
            int start = position;
            int length;
            int terminator;   // the separator or line feed after the field, or end
            int rawEnd;       // just after the field's text, closing quote included
            if (position < end && text[position] == '"')
            {
                if (!TryFindClosingQuote(field, out int close, out bool escaped)) return RowStatus.Incomplete;
                start = position + 1;
                length = close - start;
                rawEnd = close + 1;
                terminator = rawEnd;
                if (terminator == end)
                {
                    if (!_textComplete) return RowStatus.Incomplete;
                }
                else if (text[terminator] == '\r')
                {
                    if (terminator + 1 < end && text[terminator + 1] == '\n') terminator++;
                    else if (terminator + 1 < end) throw TextAfterClosingQuote(field);
                    else if (_textComplete) terminator = end;
                    else return RowStatus.Incomplete;
                }
                else if (text[terminator] != _separator && text[terminator] != '\n')
                {
                    throw TextAfterClosingQuote(field);
                }
                if (escaped && fieldCount < capacity) RememberEscaped(fieldCount);
            }
            else
            {
                terminator = _scanner.Next(text, end, position);
                length = terminator - start;
                if (terminator == end)
                {
                    if (!_textComplete)
                    {
                        if (length > _maxFieldLength) throw HugeField(field);
                        return RowStatus.Incomplete;
                    }
                    if (length > 0 && text[terminator - 1] == '\r') length--;
                }
                else if (text[terminator] == '"')
                {
                    throw Error(field, "a quote appears inside an unquoted field. "
                        + "Put the whole value in quotes and double the quotes inside it (\"say \"\"hi\"\"\")");
                }
                else if (text[terminator] == '\n' && length > 0 && text[terminator - 1] == '\r')
                {
                    length--;
                }
                rawEnd = start + length;
            }

            if (length > _maxFieldLength) throw HugeField(field);
            if (fieldCount < capacity)
            {
                fields[2 * fieldCount] = start;
                fields[2 * fieldCount + 1] = length;
            }
            else if (fieldCount == capacity)
            {
                _extraField = field;
            }
            fieldCount++;

            if (terminator == end || text[terminator] == '\n')
            {
                _rowEnd = new Place(_scanLine, _scanLineStart, rawEnd);
                _rowStart = terminator == end ? end : terminator + 1;
                _rowLine = _scanLine + 1;
                return RowStatus.Complete;
            }
            position = terminator + 1;
        }
    }

    /// <summary>Finds the quote that closes the field opened at <paramref name="open"/>, counting the line feeds inside it.</summary>
    private bool TryFindClosingQuote(Place open, out int close, out bool escaped)
    {
        int position = open.Index + 1;
        escaped = false;
        close = 0;
        while (true)
        {
            int special = _scanner.Next(_text, _end, position);
            if (special == _end)
            {
                if (_textComplete)
                    throw Error(open, "a quoted field is never closed. Add the closing quote, and double every quote inside the value (\"\")");
                if (_end - (open.Index + 1) > _maxFieldLength) throw HugeField(open);
                return false;
            }

            byte found = _text[special];
            position = special + 1;
            if (found == '\n')
            {
                _scanLine++;
                _scanLineStart = position;
            }
            else if (found == '"')
            {
                // A quote at the end of the decoded text is taken as closing; the caller then finds the row
                // incomplete and parses it again once the next character is known.
                if (position == _end || _text[position] != '"')
                {
                    close = special;
                    return true;
                }
                escaped = true;
                position++;
            }
        }
    }

    /// <summary>Reads more text after the end, growing the buffer when the batch needs more room.</summary>
    private void Fill()
    {
        if (_source.InvalidByte is byte pending) throw NotUtf8(pending);
        if (_text.Length - Padding - _end < _chunkBytes)
            Array.Resize(ref _text, Math.Max(2 * (_text.Length - Padding), _end + _chunkBytes) + Padding);
        int read = _source.Read(_text.AsSpan(_end, _chunkBytes));
        if (read == 0 && _source.InvalidByte is byte invalid) throw NotUtf8(invalid);
        _textComplete = read == 0;
        _end += read;
        _scanner.Reset();
    }

    /// <summary>
    /// Moves the text not yet parsed to the front of the spare buffer and makes the spare batch and buffer current:
    /// the batch before the last one is no longer needed, the last one is left intact.
    /// </summary>
    private void SwitchBuffers()
    {
        int remaining = _end - _rowStart;
        if (_spareText.Length < _text.Length) _spareText = new byte[_text.Length];
        Array.Copy(_text, _rowStart, _spareText, 0, remaining);
        (_text, _spareText) = (_spareText, _text);
        (_batch, _spareBatch) = (_spareBatch, _batch);
        _rowStart = 0;
        _end = remaining;
        _scanner.Reset();
    }

    private void CollapseDoubledQuotes(Span<int> fields)
    {
        for (int i = 0; i < _escapedCount; i++)
        {
            int field = _escapedFields[i];
            var value = _text.AsSpan(fields[2 * field], fields[2 * field + 1]);
            int written = 0;
            for (int read = 0; read < value.Length; read++)
            {
                value[written++] = value[read];
                if (value[read] == '"') read++;
            }
            fields[2 * field + 1] = written;
        }
    }

    private void RememberEscaped(int field)
    {
        if (_escapedCount == _escapedFields.Length) Array.Resize(ref _escapedFields, 2 * _escapedCount);
        _escapedFields[_escapedCount++] = field;
    }

    /// <summary>The 1-based column, in characters, of the text at <c>place.Index</c>.</summary>
    private int Column(Place place) =>
        Encoding.UTF8.GetCharCount(_text.AsSpan(place.LineStart, place.Index - place.LineStart)) + 1;

    private DataFormatException RaggedRow(long row, int fieldCount)
    {
        int columns = Columns.Count;
        if (fieldCount == 1 && _rowEnd.Index == _rowEnd.LineStart)
            return Error(_rowEnd, $"row {row} is an empty line but the header has {columns} columns. Remove the empty line");
        string has = $"row {row} has {fieldCount} {(fieldCount == 1 ? "field" : "fields")} but the header has {columns}. "
            + "Check for a missing separator or an unquoted separator inside a value";
        return fieldCount > columns ? Error(_extraField, has) : Error(_rowEnd, has);
    }

    private DataFormatException TextAfterClosingQuote(Place field) =>
        Error(field, "text follows the closing quote of a quoted field. "
            + "Double every quote inside a quoted value (\"\") and put a separator or a line end after the closing quote");

    private DataFormatException HugeField(Place field) =>
        Error(field, $"a field is longer than {_maxFieldLength} bytes. Check for an unclosed quote, or raise {nameof(TableReadOptions.MaxFieldLength)}");

    /// <summary>The scan has reached the end of the text read, which is where the invalid byte is.</summary>
    private DataFormatException NotUtf8(byte invalid) =>
        Error(new Place(_scanLine, _scanLineStart, _end), $"byte 0x{invalid:X2} is not valid UTF-8. Save the file as UTF-8");

    private DataFormatException Error(Place place, string description) =>
        new(Path, place.Line, Column(place), description);

    private DataFormatException Error(long line, int column, string description) => new(Path, line, column, description);
}
