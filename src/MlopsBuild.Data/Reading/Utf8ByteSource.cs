using MlopsBuild.Core.Text;

namespace MlopsBuild.Data.Reading;

/// <summary>
/// Reads a UTF-8 file straight into the caller's buffer, without a byte order mark, checking each read: the caller
/// never receives a byte at or after the first invalid one, nor part of a character.
/// </summary>
internal sealed class Utf8ByteSource : IDisposable
{
    private const int MaxCharacterBytes = 4;

    private readonly FileStream _stream;
    private readonly int _readBytes;
    private readonly Action<ReadOnlySpan<byte>>? _onRead;
    private readonly byte[] _carry = new byte[MaxCharacterBytes];   // the start of a character the next read completes
    private int _carryLength;
    private bool _started;
    private bool _ended;

    /// <param name="readBytes">The most bytes read from the file at a time.</param>
    /// <param name="onRead">Told the bytes of each read, in file order.</param>
    public Utf8ByteSource(FileStream stream, int readBytes, Action<ReadOnlySpan<byte>>? onRead)
    {
        _stream = stream;
        _readBytes = readBytes;
        _onRead = onRead;
    }

    /// <summary>The file's length in bytes.</summary>
    public long Length => _stream.Length;

    /// <summary>The byte where reading stopped because it is not valid UTF-8; null until the caller has read up to it.</summary>
    public byte? InvalidByte { get; private set; }

    /// <summary>
    /// Reads the next bytes into <paramref name="destination"/> (at least 8 bytes long); 0 means the end of the text or
    /// an invalid byte.
    /// </summary>
    public int Read(Span<byte> destination)
    {
        while (InvalidByte is null && !(_ended && _carryLength == 0))
        {
            _carry.AsSpan(0, _carryLength).CopyTo(destination);
            int count = _carryLength;
            _carryLength = 0;
            if (!_ended)
            {
                var target = destination[count..Math.Min(destination.Length, count + _readBytes)];
                int read = _stream.ReadAtLeast(target, target.Length, throwOnEndOfStream: false);
                _ended = read < target.Length;
                _onRead?.Invoke(target[..read]);
                count += read;
            }
            if (!_started)
            {
                _started = true;
                if (destination[..count].StartsWith("\uFEFF"u8))
                {
                    destination[3..count].CopyTo(destination);
                    count -= 3;
                }
            }

            var bytes = destination[..count];
            int whole = _ended ? count : count - IncompleteTail(bytes);
            int invalid = Utf8Validation.FirstInvalidByte(bytes[..whole]);
            if (invalid >= 0)
            {
                InvalidByte = bytes[invalid];
                return invalid;
            }
            bytes[whole..].CopyTo(_carry);
            _carryLength = count - whole;
            if (whole > 0) return whole;
        }
        return 0;
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>
    /// How many bytes at the end start a character that the next read completes (0 to 3). Bytes that could never
    /// start a character are left for validation to reject.
    /// </summary>
    private static int IncompleteTail(ReadOnlySpan<byte> bytes)
    {
        for (int back = 1; back <= Math.Min(MaxCharacterBytes - 1, bytes.Length); back++)
        {
            byte b = bytes[^back];
            if ((b & 0xC0) == 0x80) continue;   // a continuation byte: look further back for the lead
            int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? back : 0;
        }
        return 0;
    }
}
