using MlopsBuild.Registry.Audit;

namespace MlopsBuild.Registry.Storage;

/// <summary>The verified entries of the audit log and how many bytes they span (a torn last line from a crash is not counted).</summary>
internal sealed record AuditContents(IReadOnlyList<AuditEntry> Entries, long ValidLength, long FileLength)
{
    public string? Head => Entries.Count == 0 ? null : Entries[^1].Hash;

    public bool HasTornTail => FileLength > ValidLength;
}
