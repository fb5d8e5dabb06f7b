namespace MlopsBuild.Registry.Audit;

/// <summary>An event a caller records: "approve" of v7 by whom and why, "promote", "rollback"…</summary>
/// <param name="Action">Lowercase name: letters, digits and '-' ("approve", "promote", "rollback"); not one of <see cref="AuditActions"/>.</param>
public sealed record AuditEvent(string Action, int? Version = null, string? Reason = null, IReadOnlyDictionary<string, string>? Details = null);
