namespace MlopsBuild.Data.Reading;

/// <summary>
/// Reads a file in blocks of a fixed size into one reused buffer. Every block but the last is full, so where blocks
/// end depends only on the file.
/// </summary>
/// <remarks>
/// Reading the next block on a background thread was measured and dropped: from the page cache the reads are under
/// a tenth of the time spent decoding and splitting, and the hand-off cost more CPU than it saved.
/// </remarks>
internal sealed class FileBlockSource : IDisposable
{
    /// <summary>Room before each block for bytes the caller carries over from the end of the previous one.</summary>
    public const int Reserve = 4;

    private readonly FileStream _stream;
    private readonly byte[] _buffer;
    private readonly Action<ReadOnlySpan<byte>>? _onRead;
    private bool _ended;

    /// <param name="onRead">Told the bytes of each read, in file order.</param>
    public FileBlockSource(FileStream stream, int blockBytes, Action<ReadOnlySpan<byte>>? onRead)
    {
        _stream = stream;
        _buffer = new byte[Reserve + blockBytes];
        _onRead = onRead;
    }

    /// <summary>
    /// The next block, valid until the next call; empty at the end of the file. It starts with <paramref name="carry"/>
    /// (at most <see cref="Reserve"/> bytes, such as an incomplete UTF-8 sequence at the end of the previous block).
    /// <paramref name="isLast"/> is true when no data follows this block.
    /// </summary>
    public ArraySegment<byte> Next(ReadOnlySpan<byte> carry, out bool isLast)
    {
        carry.CopyTo(_buffer.AsSpan(Reserve - carry.Length));
        int count = 0;
        if (!_ended)
        {
            count = _stream.ReadAtLeast(_buffer.AsSpan(Reserve), _buffer.Length - Reserve, throwOnEndOfStream: false);
            _ended = count < _buffer.Length - Reserve;
            _onRead?.Invoke(_buffer.AsSpan(Reserve, count));
        }
        isLast = _ended;
        return new ArraySegment<byte>(_buffer, Reserve - carry.Length, carry.Length + count);
    }

    public void Dispose() => _stream.Dispose();
}
