namespace MlopsBuild.Registry.Versions;

/// <summary>One line of the version list: enough for a table of versions, aliases and key metrics without reading the record.</summary>
public sealed record VersionSummary(
    int Number,
    VersionStatus Status,
    DateTimeOffset RegisteredAt,
    string RegisteredBy,
    string Trainer,
    string? GitCommit,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<string> Aliases)
{
    public string Label => VersionLabel.Of(Number);
}
