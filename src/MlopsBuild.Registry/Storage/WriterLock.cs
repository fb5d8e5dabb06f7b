using System.Diagnostics;
using System.Text.Json;
using MlopsBuild.Core.IO;
using MlopsBuild.Registry.Errors;

namespace MlopsBuild.Registry.Storage;

/// <summary>
/// Serialises writers across processes: an exclusive <c>registry.lock</c> (FileShare.None, which .NET maps to flock on
/// Linux, so the system releases it when the holder dies). The holder's pid, host and start time go to a side file,
/// because a file locked this way cannot be opened by the waiters. Re-entrant within one registry instance.
/// </summary>
internal sealed class WriterLock(RegistryPaths paths, string actor, TimeProvider clock, TimeSpan timeout)
{
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    FileStream? _held;
    int _depth;

    public bool IsHeld => _depth > 0;

    /// <param name="released">Runs when the outermost hold ends, while the lock is still held (to save deferred work).</param>
    public IDisposable Acquire(Action released)
    {
        if (_depth == 0) _held = Wait();
        _depth++;
        return new Hold(this, released);
    }

    FileStream Wait()
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var stream = new FileStream(paths.Lock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                try
                {
                    var holder = new LockHolder(Environment.ProcessId, Environment.MachineName, actor, clock.GetUtcNow());
                    AtomicFile.WriteAllBytes(paths.LockHolder, JsonSerializer.SerializeToUtf8Bytes(holder, RegistryJson.Default.LockHolder));
                    return stream;
                }
                catch
                {
                    stream.Dispose();
                    throw;
                }
            }
            catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
            {
                if (waited.Elapsed >= timeout) throw Locked();
                Thread.Sleep(PollInterval);
            }
        }
    }

    void Release(Action released)
    {
        if (--_depth > 0) return;
        try
        {
            released();
        }
        finally
        {
            File.Delete(paths.LockHolder);
            _held!.Dispose();
            _held = null;
        }
    }

    RegistryLockedException Locked()
    {
        var holder = ReadHolder();
        var who = holder is null
            ? "another process (its details could not be read)"
            : $"process {holder.ProcessId} on host '{holder.Host}' (actor '{holder.Actor}') since {holder.Since:yyyy-MM-dd HH:mm:ss}Z";
        return new RegistryLockedException(
            $"The model registry '{paths.Root}' is locked by {who}; gave up after waiting {timeout.TotalSeconds:0.#} s. " +
            "Another build is writing to it: let it finish, then run again. If that process no longer runs, just retry: " +
            "the system releases the lock of a process that has exited, there is nothing to delete.", holder);
    }

    LockHolder? ReadHolder()
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(paths.LockHolder), RegistryJson.Default.LockHolder);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    sealed class Hold(WriterLock owner, Action released) : IDisposable
    {
        bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            owner.Release(released);
        }
    }
}
