using MlopsBuild.Core.IO;

namespace MlopsBuild.Engine.UpToDate;

/// <summary>
/// The committed lock file (like dvc.lock): per target, the hashes it was last built from and produced.
/// Every change is written through atomically, so a crash mid-run leaves a valid file. Thread-safe.
/// </summary>
public sealed class BuildLock
{
    internal const int FormatVersion = 1;

    readonly string _lockFile;
    readonly Dictionary<string, TargetRecord> _targets;
    readonly Lock _gate = new();

    BuildLock(string lockFile, Dictionary<string, TargetRecord> targets)
    {
        _lockFile = lockFile;
        _targets = targets;
    }

    /// <summary>Reads the lock file; a missing file is an empty lock.</summary>
    /// <exception cref="BuildLockException">The file is malformed or from a newer format version.</exception>
    public static BuildLock Load(string lockFile)
    {
        var fullPath = Path.GetFullPath(lockFile);
        byte[] content;
        try
        {
            content = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new BuildLock(fullPath, new Dictionary<string, TargetRecord>(StringComparer.Ordinal));
        }
        return new BuildLock(fullPath, BuildLockReader.Read(fullPath, content));
    }

    public IReadOnlyList<string> TargetNames
    {
        get { lock (_gate) return _targets.Keys.ToList(); }
    }

    public TargetRecord? Get(string targetName)
    {
        lock (_gate) return _targets.GetValueOrDefault(targetName);
    }

    public void Set(string targetName, TargetRecord record)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetName);
        ArgumentNullException.ThrowIfNull(record);
        var snapshot = record.ToImmutable();
        lock (_gate)
        {
            _targets[targetName] = snapshot;
            Persist();
        }
    }

    public void Remove(string targetName)
    {
        lock (_gate)
        {
            if (_targets.Remove(targetName)) Persist();
        }
    }

    // Called under _gate, so concurrent changes reach the disk in the order they were made.
    void Persist() => AtomicFile.WriteAllText(_lockFile, BuildLockWriter.Write(_targets));
}
