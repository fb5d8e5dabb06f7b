namespace MlopsBuild.Registry.Versions;

/// <summary>What a build registers: the files, where they came from, how they scored and what the gate decided.</summary>
public sealed record RegistrationRequest
{
    /// <summary>Artifact name (a file name such as "model.mlmodel") → path of the file to store.</summary>
    public required IReadOnlyDictionary<string, string> Artifacts { get; init; }

    public required Lineage Lineage { get; init; }

    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    public IReadOnlyList<GateCheck> Checks { get; init; } = [];

    /// <summary>The gate's verdict. A rejected registration must carry at least one failed check: its reasons are the rejection's.</summary>
    public required bool Accepted { get; init; }
}
