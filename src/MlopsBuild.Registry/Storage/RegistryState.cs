namespace MlopsBuild.Registry.Storage;

/// <summary>The index in memory: versions 1..N in order, current aliases, and the audit log position it reflects.</summary>
internal sealed class RegistryState
{
    public List<IndexedVersion> Versions { get; } = [];

    public Dictionary<string, int> Aliases { get; } = new(StringComparer.Ordinal);

    public long AuditLength { get; set; }

    public long AuditEntries { get; set; }

    public string? AuditHead { get; set; }

    public int LastVersion => Versions.Count;

    public IndexedVersion? Find(int number) => number >= 1 && number <= Versions.Count ? Versions[number - 1] : null;

    public void Add(IndexedVersion version)
    {
        if (version.Number != Versions.Count + 1) throw new InvalidOperationException($"Version {version.Number} does not follow {Versions.Count}.");
        Versions.Add(version);
    }

    public void Advance(AuditContents audit) => Advance(audit.Entries.Count, audit.ValidLength, audit.Head);

    public void Advance(long entries, long length, string? head)
    {
        AuditEntries = entries;
        AuditLength = length;
        AuditHead = head;
    }

    public IndexFile ToFile() =>
        new(IndexFile.CurrentFormat, LastVersion, AuditLength, AuditEntries, AuditHead, Versions,
            new SortedDictionary<string, int>(Aliases, StringComparer.Ordinal));

    public static RegistryState FromFile(IndexFile file)
    {
        var state = new RegistryState();
        foreach (var version in file.Versions) state.Add(version);
        foreach (var (alias, version) in file.Aliases) state.Aliases[alias] = version;
        state.Advance(file.AuditEntries, file.AuditLength, file.AuditHead);
        return state;
    }
}
