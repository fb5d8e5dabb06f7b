namespace MlopsBuild.Registry.Storage;

/// <summary>An audit entry before it has a place in the chain (sequence number, previous hash, own hash).</summary>
internal sealed record AuditDraft(
    DateTimeOffset At,
    string Actor,
    string Action,
    int? Version,
    string? Reason = null,
    IReadOnlyDictionary<string, string>? Details = null,
    string? Alias = null,
    int? From = null);
