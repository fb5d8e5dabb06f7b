using MlopsBuild.Data.Drift;
using MlopsBuild.Data.Fingerprints;
using MlopsBuild.Data.Statistics;

namespace MlopsBuild.Data.Validation;

/// <summary>Everything one pass over a dataset found: its identity, anomalies, statistics and drift.</summary>
public sealed record DataCheckResult(
    IReadOnlyList<FileFingerprint> Files,
    string Fingerprint,
    long Rows,
    IReadOnlyList<Anomaly> Anomalies,
    DatasetStatistics Statistics,
    DriftReport? Drift,
    TimeSpan Duration)
{
    public IReadOnlyList<Anomaly> Errors => Anomalies.Where(a => a.Severity == Severity.Error).ToList();
    public IReadOnlyList<Anomaly> Warnings => Anomalies.Where(a => a.Severity == Severity.Warning).ToList();
    public bool Passed => Errors.Count == 0;
    public long Bytes => Files.Sum(f => f.Bytes);
}
