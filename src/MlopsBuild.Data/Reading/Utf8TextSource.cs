using System.Buffers;
using System.Text.Unicode;

namespace MlopsBuild.Data.Reading;

/// <summary>Decodes a UTF-8 file to UTF-16 on demand, without a byte order mark, stopping at the first invalid byte.</summary>
internal sealed class Utf8TextSource : IDisposable
{
    private readonly FileBlockSource _blocks;
    private ArraySegment<byte> _block = ArraySegment<byte>.Empty;
    private int _position;
    private bool _isLastBlock;
    private bool _started;

    public Utf8TextSource(FileStream stream, int blockBytes, Action<ReadOnlySpan<byte>>? onRead)
    {
        _blocks = new FileBlockSource(stream, blockBytes, onRead);
    }

    /// <summary>The byte where decoding stopped because it is not valid UTF-8; null until then.</summary>
    public byte? InvalidByte { get; private set; }

    /// <summary>Decodes into <paramref name="destination"/>; 0 means the end of the text or an invalid byte.</summary>
    public int Read(Span<char> destination)
    {
        while (InvalidByte is null)
        {
            if (_position == _block.Count)
            {
                if (_started && _isLastBlock) return 0;
                NextBlock(ReadOnlySpan<byte>.Empty);
            }

            var status = Utf8.ToUtf16(_block.AsSpan(_position), destination, out int bytesRead, out int charsWritten,
                replaceInvalidSequences: false, isFinalBlock: _isLastBlock);
            _position += bytesRead;
            switch (status)
            {
                case OperationStatus.InvalidData:
                    InvalidByte = _block[_position];
                    break;
                case OperationStatus.NeedMoreData:
                    NextBlock(_block.AsSpan(_position));
                    break;
            }
            if (charsWritten > 0) return charsWritten;
        }
        return 0;
    }

    public void Dispose() => _blocks.Dispose();

    private void NextBlock(ReadOnlySpan<byte> carry)
    {
        _block = _blocks.Next(carry, out _isLastBlock);
        _position = 0;
        if (!_started && _block.AsSpan().StartsWith("\uFEFF"u8)) _position = 3;
        _started = true;
    }
}
