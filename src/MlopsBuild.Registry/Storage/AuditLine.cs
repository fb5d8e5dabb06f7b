namespace MlopsBuild.Registry.Storage;

/// <summary>On-disk shape of one audit line, without its trailing "hash" (which is computed over exactly these bytes).</summary>
internal sealed record AuditLine(
    long Seq,
    DateTimeOffset At,
    string Actor,
    string Action,
    int? Version,
    string? Alias,
    int? From,
    string? Reason,
    IReadOnlyDictionary<string, string>? Details,
    string? Prev);
