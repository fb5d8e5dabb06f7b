using System.Security.Cryptography;

namespace MlopsBuild.Core.Hashing;

/// <summary>
/// The content hash of one file, computed from its bytes as a caller reads them for its own purpose, so that a large
/// file is read once rather than once more for its hash. From <see cref="ContentHasher.HashWhileReading"/>: when the
/// cache knows the file, <see cref="NeedsBytes"/> is false and nothing need be appended. Otherwise the caller appends
/// every byte of the file in order and then calls <see cref="Finish"/>. The hashing itself may run on a thread of its own
/// (see <see cref="BackgroundSha256"/>), for a caller whose own work on the bytes would otherwise wait for it.
/// </summary>
public sealed class FileHashing : IDisposable
{
    readonly ContentHasher? _owner;
    readonly string _fullPath;
    readonly long _size;
    readonly DateTime _lastWriteUtc;
    readonly DateTime _startedUtc;
    readonly IncrementalHash? _hash;
    readonly BackgroundSha256? _background;
    string? _result;

    FileHashing(ContentHasher? owner, string fullPath, long size, DateTime lastWriteUtc, bool inBackground, string? cached)
    {
        _owner = owner;
        _fullPath = fullPath;
        _size = size;
        _lastWriteUtc = lastWriteUtc;
        _startedUtc = DateTime.UtcNow;
        _result = cached;
        if (cached is not null) return;
        if (inBackground) _background = new BackgroundSha256();
        else _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    }

    /// <summary>False when the hash is already known: the caller may skip <see cref="Append"/>.</summary>
    public bool NeedsBytes => _result is null;

    /// <summary>The bytes hashed: the file's size for a known hash, else the bytes appended so far.</summary>
    public long Bytes { get; private set; }

    internal static FileHashing Known(string fullPath, long size, string hash) =>
        new(null, fullPath, size, default, inBackground: false, hash) { Bytes = size };

    internal static FileHashing Start(ContentHasher owner, string fullPath, long size, DateTime lastWriteUtc, bool inBackground) =>
        new(owner, fullPath, size, lastWriteUtc, inBackground, null);

    /// <summary>The next bytes of the file.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_result is not null) return;
        if (_background is not null) _background.Append(bytes);
        else _hash!.AppendData(bytes);
        Bytes += bytes.Length;
        _owner!.Report(new FileHashProgress(_fullPath, Bytes, _size, Finished: false));
    }

    /// <summary>
    /// The hash of the bytes appended, which is what the caller read. It is cached only when they are the whole file as
    /// it still is: a file that changed while it was read is hashed again next time.
    /// </summary>
    public string Finish()
    {
        if (_result is not null) return _result;
        _result = ContentHasher.Format(_background?.Finish() ?? _hash!.GetHashAndReset());
        var now = new FileInfo(_fullPath);
        var unchanged = now.Exists && now.Length == _size && now.LastWriteTimeUtc == _lastWriteUtc && Bytes == _size;
        _owner!.Record(_fullPath, _size, _lastWriteUtc, _result, _startedUtc, remember: unchanged);
        _owner.Report(new FileHashProgress(_fullPath, Bytes, _size, Finished: true));
        return _result;
    }

    public void Dispose()
    {
        if (_owner is null) return;
        // A read that failed part way still closes the file's progress display.
        if (_result is null) _owner.Report(new FileHashProgress(_fullPath, Bytes, _size, Finished: true));
        _hash?.Dispose();
        _background?.Dispose();
    }
}
