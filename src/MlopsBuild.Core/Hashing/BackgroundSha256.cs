using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MlopsBuild.Core.Hashing;

/// <summary>
/// SHA-256 of bytes appended in order, computed on a thread of its own: the caller pays a copy of each block (a tenth
/// of the cost of hashing it) and goes on with its work. At most <see cref="QueuedBlocks"/> blocks wait, so memory stays
/// bounded when hashing falls behind.
/// </summary>
internal sealed class BackgroundSha256 : IDisposable
{
    const int QueuedBlocks = 4;

    readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    readonly BlockingCollection<(byte[] Buffer, int Length)> _queue = new(QueuedBlocks);
    readonly Task _hashing;

    public BackgroundSha256()
    {
        _hashing = Task.Factory.StartNew(HashQueuedBlocks, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(bytes.Length);
        bytes.CopyTo(buffer);
        _queue.Add((buffer, bytes.Length));
    }

    /// <summary>Waits for the queued blocks to be hashed, then gives the digest.</summary>
    public byte[] Finish()
    {
        _queue.CompleteAdding();
        _hashing.GetAwaiter().GetResult();
        return _hash.GetHashAndReset();
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _hashing.Wait();
        _queue.Dispose();
        _hash.Dispose();
    }

    void HashQueuedBlocks()
    {
        try
        {
            foreach (var (buffer, length) in _queue.GetConsumingEnumerable())
            {
                _hash.AppendData(buffer, 0, length);
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        finally
        {
            // Should hashing fail, the caller's next Append fails too rather than wait for room that never comes.
            _queue.CompleteAdding();
        }
    }
}
