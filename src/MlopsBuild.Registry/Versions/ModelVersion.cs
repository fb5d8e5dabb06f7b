using System.Text.Json.Serialization;

namespace MlopsBuild.Registry.Versions;

/// <summary>One registered model version: immutable once written.</summary>
public sealed record ModelVersion
{
    public required int Number { get; init; }

    public required VersionStatus Status { get; init; }

    /// <summary>"kind name: reason" of every failed check when rejected; empty for a candidate.</summary>
    public required IReadOnlyList<string> RejectionReasons { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public required string RegisteredBy { get; init; }

    public required Lineage Lineage { get; init; }

    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    public required IReadOnlyList<GateCheck> Checks { get; init; }

    public required IReadOnlyDictionary<string, ArtifactReference> Artifacts { get; init; }

    [JsonIgnore]
    public bool Accepted => Status == VersionStatus.Candidate;

    /// <summary>"v7", as the CLI and the audit log show it.</summary>
    [JsonIgnore]
    public string Label => VersionLabel.Of(Number);
}
