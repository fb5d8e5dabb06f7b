using System.Threading.Channels;

namespace MlopsBuild.Serving.Monitoring;

/// <summary>
/// A sampled log of predictions as JSON lines, for drift monitoring. Requests only queue finished lines on a bounded
/// channel; one background task writes them, so a slow disk never slows a prediction: when the queue is full a line is
/// dropped and counted. When the file would pass <c>maxBytes</c> it becomes <c>PATH.1</c> (replacing the previous one)
/// and a new file starts, so the log never takes more than about twice that.
/// </summary>
public sealed class PredictionLog : IAsyncDisposable
{
    readonly string path;
    readonly double sampleRate;
    readonly long maxBytes;
    readonly Channel<byte[]> queue;
    readonly Task writing;
    long written;
    long dropped;

    public PredictionLog(string path, double sampleRate, long maxBytes, int capacity = 4096)
    {
        this.path = Path.GetFullPath(path);
        this.sampleRate = sampleRate;
        this.maxBytes = maxBytes;
        Directory.CreateDirectory(Path.GetDirectoryName(this.path)!);
        queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        writing = Task.Run(WriteAllAsync);
    }

    public long Written => Volatile.Read(ref written);

    public long Dropped => Volatile.Read(ref dropped);

    /// <summary>Whether this request's predictions are to be logged (a fraction sampleRate of requests).</summary>
    public bool ShouldSample() => sampleRate >= 1 || (sampleRate > 0 && Random.Shared.NextDouble() < sampleRate);

    /// <summary>Queues one line (UTF-8 JSON ending in a newline); drops and counts it when the queue is full.</summary>
    public void Add(byte[] line)
    {
        if (!queue.Writer.TryWrite(line)) Interlocked.Increment(ref dropped);
    }

    async Task WriteAllAsync()
    {
        var file = Open();
        try
        {
            while (await queue.Reader.WaitToReadAsync())
            {
                while (queue.Reader.TryRead(out var line))
                {
                    if (file.Length > 0 && file.Length + line.Length > maxBytes)
                    {
                        await file.DisposeAsync();
                        File.Move(path, path + ".1", overwrite: true);
                        file = Open();
                    }
                    await file.WriteAsync(line);
                    Interlocked.Increment(ref written);
                }
                await file.FlushAsync();
            }
        }
        catch (IOException e)
        {
            // The disk is full or the file went away: say so once and keep serving without the log.
            Console.Error.WriteLine($"Prediction log {path}: {e.Message}. Predictions are no longer logged.");
            while (queue.Reader.TryRead(out _)) Interlocked.Increment(ref dropped);
        }
        finally
        {
            await file.DisposeAsync();
        }
    }

    FileStream Open() => new(path, FileMode.Append, FileAccess.Write, FileShare.Read);

    /// <summary>Writes what is queued, then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writing;
    }
}
