using System.Text.Json;
using MlopsBuild.Core.IO;

namespace MlopsBuild.Core.Hashing;

/// <summary>
/// Remembers the content hash of files by full path, so an unchanged file costs a stat instead of a read.
/// Persisted as JSON (not committed); a missing or unreadable cache file just means everything is rehashed.
/// </summary>
public sealed class HashCache
{
    // Files written this close to the moment they were hashed are not trusted later: a second edit within the same
    // timestamp tick with the same size would keep size and mtime identical ("racy git"). 2 s covers FAT's granularity.
    internal static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    readonly string _cacheFile;
    readonly Dictionary<string, HashCacheEntry> _entries;
    readonly Lock _gate = new();
    bool _changed;

    HashCache(string cacheFile, Dictionary<string, HashCacheEntry> entries)
    {
        _cacheFile = cacheFile;
        _entries = entries;
    }

    internal int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    public static HashCache Load(string cacheFile)
    {
        var fullPath = Path.GetFullPath(cacheFile);
        return new HashCache(fullPath, ReadEntries(fullPath));
    }

    public void Save()
    {
        lock (_gate)
        {
            if (!_changed) return;
            var file = new HashCacheFile(HashCacheFile.CurrentVersion, new SortedDictionary<string, HashCacheEntry>(_entries, StringComparer.Ordinal));
            AtomicFile.WriteAllText(_cacheFile, JsonSerializer.Serialize(file, JsonOptions));
            _changed = false;
        }
    }

    internal bool TryGet(string fullPath, long size, DateTime lastWriteUtc, out string hash)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(fullPath, out var entry) && entry.Size == size && entry.LastWriteTicks == lastWriteUtc.Ticks)
            {
                hash = entry.Hash;
                return true;
            }
        }
        hash = "";
        return false;
    }

    /// <summary>Records a hash computed from reading that started at <paramref name="hashStartedUtc"/>; racy entries are dropped instead.</summary>
    internal void Store(string fullPath, long size, DateTime lastWriteUtc, string hash, DateTime hashStartedUtc)
    {
        var trusted = hashStartedUtc - lastWriteUtc >= RacyWindow;
        lock (_gate)
        {
            if (trusted)
            {
                var entry = new HashCacheEntry(size, lastWriteUtc.Ticks, hash);
                if (_entries.TryGetValue(fullPath, out var existing) && existing == entry) return;
                _entries[fullPath] = entry;
                _changed = true;
            }
            else if (_entries.Remove(fullPath))
            {
                _changed = true;
            }
        }
    }

    static Dictionary<string, HashCacheEntry> ReadEntries(string cacheFile)
    {
        // No cache yet is the common first case: a thrown FileNotFoundException cost ~7 ms of a cold process.
        if (!File.Exists(cacheFile)) return new(StringComparer.Ordinal);
        try
        {
            var file = JsonSerializer.Deserialize<HashCacheFile>(File.ReadAllBytes(cacheFile), JsonOptions);
            if (file is null || file.Version != HashCacheFile.CurrentVersion) return new(StringComparer.Ordinal);
            return new Dictionary<string, HashCacheEntry>(file.Files, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return new(StringComparer.Ordinal);
        }
    }
}
