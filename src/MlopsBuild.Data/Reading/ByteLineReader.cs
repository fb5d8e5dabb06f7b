namespace MlopsBuild.Data.Reading;

/// <summary>Splits a file into lines of bytes, without line ends (LF or CRLF) or a UTF-8 byte order mark.</summary>
internal sealed class ByteLineReader : IDisposable
{
    private readonly FileBlockSource _blocks;
    private ArraySegment<byte> _block = ArraySegment<byte>.Empty;
    private int _position;
    private bool _isLastBlock;
    private bool _started;
    private byte[] _spanning = new byte[4096];   // a line that crosses block boundaries, gathered here
    private int _spanningLength;

    public ByteLineReader(FileStream stream, int blockBytes, Action<ReadOnlySpan<byte>>? onRead)
    {
        _blocks = new FileBlockSource(stream, blockBytes, onRead);
    }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The next line, valid until the next call; false at the end of the file.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        _spanningLength = 0;
        while (true)
        {
            var rest = _block.AsSpan(_position);
            int lineFeed = rest.IndexOf((byte)'\n');
            if (lineFeed >= 0)
            {
                _position += lineFeed + 1;
                line = Complete(rest[..lineFeed]);
                return true;
            }
            Gather(rest);
            _position = _block.Count;

            if (_started && _isLastBlock)
            {
                line = _spanningLength > 0 ? Complete(ReadOnlySpan<byte>.Empty) : default;
                return _spanningLength > 0;
            }
            _block = _blocks.Next(ReadOnlySpan<byte>.Empty, out _isLastBlock);
            _position = !_started && _block.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            _started = true;
        }
    }

    public void Dispose() => _blocks.Dispose();

    private ReadOnlySpan<byte> Complete(ReadOnlySpan<byte> lastPiece)
    {
        LineNumber++;
        ReadOnlySpan<byte> line = lastPiece;
        if (_spanningLength > 0)
        {
            Gather(lastPiece);
            line = _spanning.AsSpan(0, _spanningLength);
        }
        return line.EndsWith((byte)'\r') ? line[..^1] : line;
    }

    private void Gather(ReadOnlySpan<byte> piece)
    {
        if (_spanningLength + piece.Length > _spanning.Length)
            Array.Resize(ref _spanning, Math.Max(2 * _spanning.Length, _spanningLength + piece.Length));
        piece.CopyTo(_spanning.AsSpan(_spanningLength));
        _spanningLength += piece.Length;
    }
}
