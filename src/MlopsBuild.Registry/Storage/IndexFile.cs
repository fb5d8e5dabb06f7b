using MlopsBuild.Registry.Versions;

namespace MlopsBuild.Registry.Storage;

/// <summary>On-disk shape of <c>index.json</c> (after its checksum line): everything List and Resolve need.</summary>
/// <param name="AuditLength">Bytes of the audit log this index reflects; a different length on disk means the index is stale.</param>
internal sealed record IndexFile(
    int Format,
    int LastVersion,
    long AuditLength,
    long AuditEntries,
    string? AuditHead,
    IReadOnlyList<IndexedVersion> Versions,
    IReadOnlyDictionary<string, int> Aliases)
{
    public const int CurrentFormat = 1;
}

/// <summary>A version as the index knows it, with the hash its record must still have.</summary>
internal sealed record IndexedVersion(
    int Number,
    VersionStatus Status,
    DateTimeOffset RegisteredAt,
    string RegisteredBy,
    string Trainer,
    string? GitCommit,
    IReadOnlyDictionary<string, double> Metrics,
    string RecordSha256)
{
    public static IndexedVersion Of(ModelVersion version, string recordSha256) =>
        new(version.Number, version.Status, version.RegisteredAt, version.RegisteredBy, version.Lineage.Trainer, version.Lineage.Git?.Commit,
            version.Metrics, recordSha256);
}
