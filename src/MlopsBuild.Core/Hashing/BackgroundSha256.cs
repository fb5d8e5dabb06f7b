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

    // Blocks are objects rather than value tuples: the collection's code is then shared and precompiled, where a value
    // tuple had the runtime compile some thirty methods of it at startup.
    readonly BlockingCollection<Block> _queue = new(QueuedBlocks);
    readonly Task<byte[]> _hashing;

    public BackgroundSha256()
    {
        _hashing = Task.Factory.StartNew(HashQueuedBlocks, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(bytes.Length);
        bytes.CopyTo(buffer);
        _queue.Add(new Block(buffer, bytes.Length));
    }

    /// <summary>Waits for the queued blocks to be hashed, then gives the digest.</summary>
    public byte[] Finish()
    {
        _queue.CompleteAdding();
        return _hashing.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _hashing.Wait();
        _queue.Dispose();
    }

    byte[] HashQueuedBlocks()
    {
        try
        {
            // Created on this thread: starting the cryptography library took ~8 ms, which the caller need not wait for.
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var (buffer, length) in _queue.GetConsumingEnumerable())
            {
                hash.AppendData(buffer, 0, length);
                ArrayPool<byte>.Shared.Return(buffer);
            }
            return hash.GetHashAndReset();
        }
        finally
        {
            // Should hashing fail, the caller's next Append fails too rather than wait for room that never comes.
            _queue.CompleteAdding();
        }
    }

    sealed record Block(byte[] Buffer, int Length);
}
