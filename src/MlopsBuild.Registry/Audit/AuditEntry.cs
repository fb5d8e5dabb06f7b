namespace MlopsBuild.Registry.Audit;

/// <summary>
/// One line of the append-only audit log. For an alias move, <see cref="Version"/> is where the alias points now
/// (null when removed) and <see cref="PreviousVersion"/> where it pointed before (null when new).
/// </summary>
/// <param name="Sequence">1, 2, 3… without gaps.</param>
/// <param name="Hash">"sha256:…" of this line's content, which includes the previous line's hash.</param>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string Action,
    int? Version,
    string? Alias,
    int? PreviousVersion,
    string? Reason,
    IReadOnlyDictionary<string, string> Details,
    string Hash);
