namespace MlopsBuild.Data.Reading;

/// <summary>
/// Reads a file in blocks of a fixed size, reading the next block on a background thread while the caller works on
/// the current one. Every block but the last is full, so block boundaries never depend on timing.
/// </summary>
internal sealed class FileBlockSource : IDisposable
{
    /// <summary>Free bytes before each block, where the caller may move an incomplete UTF-8 sequence from the previous block.</summary>
    public const int Reserve = 4;

    private readonly FileStream _stream;
    private readonly byte[][] _buffers;
    private int _current;
    private Task<int>? _prefetch;
    private bool _ended;

    public FileBlockSource(FileStream stream, int blockBytes)
    {
        _stream = stream;
        _buffers = [new byte[Reserve + blockBytes], new byte[Reserve + blockBytes]];
        _current = 1;
    }

    public int BlockBytes => _buffers[0].Length - Reserve;

    /// <summary>
    /// The next block, valid until the next call; empty at the end of the file. It starts with <paramref name="carry"/>
    /// (at most <see cref="Reserve"/> bytes left undecoded at the end of the previous block, which the background read
    /// is about to overwrite). <paramref name="isLast"/> is true when no data follows this block.
    /// </summary>
    public ArraySegment<byte> Next(ReadOnlySpan<byte> carry, out bool isLast)
    {
        if (!_ended) _current ^= 1;
        byte[] buffer = _buffers[_current];
        carry.CopyTo(buffer.AsSpan(Reserve - carry.Length));
        int count = 0;
        if (!_ended)
        {
            count = _prefetch is null ? Fill(buffer) : _prefetch.GetAwaiter().GetResult();
            _ended = count < BlockBytes;
            byte[] following = _buffers[_current ^ 1];
            _prefetch = _ended ? null : Task.Run(() => Fill(following));
        }
        isLast = _ended;
        return new ArraySegment<byte>(buffer, Reserve - carry.Length, carry.Length + count);
    }

    public void Dispose()
    {
        try
        {
            _prefetch?.Wait();
        }
        catch (AggregateException)
        {
            // The read failed after the caller stopped needing it.
        }
        _stream.Dispose();
    }

    private int Fill(byte[] buffer) => _stream.ReadAtLeast(buffer.AsSpan(Reserve), buffer.Length - Reserve, throwOnEndOfStream: false);
}
