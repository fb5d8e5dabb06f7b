using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace MlopsBuild.Data.Reading;

/// <summary>
/// Consecutive rows of a table, as text in UTF-8 (checked by the reader). The reader reuses a batch's buffers: it stays
/// valid only until the second <see cref="ITableReader.ReadBatch"/> call after it.
/// </summary>
public sealed class RowBatch
{
    private readonly bool _emptyIsMissing;
    private readonly int _maxRows;
    private byte[] _text = [];
    private int[] _bounds = [];   // two ints per field: start in _text, length (-1 marks a missing JSON value)
    private long[] _lines = [];

    /// <param name="expectedRows">Rows to make room for at once (a batch grows as needed beyond, up to <paramref name="maxRows"/>).</param>
    internal RowBatch(int columnCount, int maxRows, bool emptyIsMissing, int expectedRows = 0)
    {
        ColumnCount = columnCount;
        _maxRows = maxRows;
        _emptyIsMissing = emptyIsMissing;
        if (expectedRows > 0) EnsureCapacity(Math.Min(expectedRows, maxRows));
    }

    public int ColumnCount { get; }

    /// <summary>Rows in this batch.</summary>
    public int Count { get; private set; }

    /// <summary>1-based data row number of row 0 (a CSV header is not counted).</summary>
    public long FirstRow { get; private set; }

    /// <summary>1-based physical line where the row starts.</summary>
    public long Line(int row)
    {
        CheckRow(row);
        return _lines[row];
    }

    /// <summary>The field's text, unquoted and unescaped; empty when missing. Allocates: for messages and tests.</summary>
    public string Field(int row, int column)
    {
        int index = FieldIndex(row, column);
        int length = _bounds[index + 1];
        return length > 0 ? Encoding.UTF8.GetString(_text.AsSpan(_bounds[index], length)) : "";
    }

    /// <summary>
    /// The field's UTF-8 bytes, or false when it is missing (see <see cref="IsMissing"/>): one lookup where validation
    /// would otherwise make two for each of millions of values.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetField(int row, int column, out ReadOnlySpan<byte> utf8)
    {
        CheckField(row, column);
        return TryGetFieldOfValidRow(row, column, out utf8);
    }

    /// <summary>
    /// <see cref="TryGetField"/> for callers in this library that only pass rows and columns of the batch: no checks
    /// beyond the arrays' own, so the hot parse keeps no values alive for an exception's message (measured 2% faster).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryGetFieldOfValidRow(int row, int column, out ReadOnlySpan<byte> utf8)
    {
        int index = (row * ColumnCount + column) * 2;
        int length = _bounds[index + 1];
        if (length < 0 || (length == 0 && _emptyIsMissing))
        {
            utf8 = default;
            return false;
        }
        utf8 = _text.AsSpan(_bounds[index], length);
        return true;
    }

    /// <summary>
    /// The values of one column's fields in rows <paramref name="row"/> to <paramref name="row"/> + 3 when all four are
    /// short decimals (see <see cref="FourShortDecimals"/>); false leaves them to be parsed one by one. Like
    /// <see cref="TryGetFieldOfValidRow"/>, for callers in this library that pass rows and a column of the batch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryParseShortDecimalsOfFourRows(int row, int column, out Vector256<double> values)
    {
        int index = (row * ColumnCount + column) * 2;
        int stride = ColumnCount * 2;
        int[] bounds = _bounds;
        var starts = Vector128.Create(bounds[index], bounds[index + stride], bounds[index + 2 * stride], bounds[index + 3 * stride]);
        var lengths = Vector128.Create(bounds[index + 1], bounds[index + stride + 1], bounds[index + 2 * stride + 1], bounds[index + 3 * stride + 1]);
        return FourShortDecimals.TryParse(_text, starts, lengths, out values);
    }

    /// <summary>The field's text decoded by <paramref name="decoder"/>, or false when it is missing.</summary>
    public bool TryGetText(int row, int column, FieldDecoder decoder, out ReadOnlySpan<char> text)
    {
        if (!TryGetField(row, column, out var utf8))
        {
            text = default;
            return false;
        }
        text = decoder.Decode(utf8);
        return true;
    }

    /// <summary>CSV: the field is empty (a quoted "" too). JSON Lines: the value is null or the key is absent.</summary>
    public bool IsMissing(int row, int column)
    {
        int length = _bounds[FieldIndex(row, column) + 1];
        return length < 0 || (length == 0 && _emptyIsMissing);
    }

    internal int[] Bounds => _bounds;

    internal long[] Lines => _lines;

    internal void Start(long firstRow)
    {
        FirstRow = firstRow;
        Count = 0;
    }

    /// <summary>Makes room for <paramref name="rows"/> rows; the arrays may be replaced, so read them again after.</summary>
    internal void EnsureCapacity(int rows)
    {
        if (rows <= _lines.Length) return;
        int newRows = Math.Clamp(Math.Max(16, _lines.Length * 2), rows, _maxRows);
        Array.Resize(ref _lines, newRows);
        Array.Resize(ref _bounds, checked(newRows * ColumnCount * 2));
    }

    internal void Finish(byte[] text, int count)
    {
        _text = text;
        Count = count;
    }

    private void CheckRow(int row)
    {
        if ((uint)row >= (uint)Count) ThrowOutOfRange(nameof(row), row);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckField(int row, int column)
    {
        CheckRow(row);
        if ((uint)column >= (uint)ColumnCount) ThrowOutOfRange(nameof(column), column);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FieldIndex(int row, int column)
    {
        CheckField(row, column);
        return (row * ColumnCount + column) * 2;
    }

    // Kept out of line so that Field and IsMissing stay small enough to inline into validation loops.
    [DoesNotReturn]
    private void ThrowOutOfRange(string parameter, int value) =>
        throw new ArgumentOutOfRangeException(parameter, value, $"The batch has {Count} rows of {ColumnCount} columns.");
}
