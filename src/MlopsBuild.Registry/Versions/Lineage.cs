namespace MlopsBuild.Registry.Versions;

/// <summary>Where a model version came from: enough to rebuild it or to explain how it differs from another.</summary>
public sealed record Lineage
{
    public GitState? Git { get; init; }

    /// <summary>Input name (e.g. "data/loans.csv") → content fingerprint ("sha256:…").</summary>
    public IReadOnlyDictionary<string, string> DataFingerprints { get; init; } = new Dictionary<string, string>();

    public string? SchemaHash { get; init; }

    public required string Trainer { get; init; }

    /// <summary>Hyper-parameters as the user wrote them, name → value.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public long? Seed { get; init; }

    public string? SdkVersion { get; init; }

    /// <summary>Library name → version (e.g. "MlopsBuild.Learning" → "1.0.0").</summary>
    public IReadOnlyDictionary<string, string> Libraries { get; init; } = new Dictionary<string, string>();

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }
}
