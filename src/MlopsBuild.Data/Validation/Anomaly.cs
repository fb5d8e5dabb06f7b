namespace MlopsBuild.Data.Validation;

/// <summary>Where an offending value is: its 1-based data row in the dataset, and the file and line it starts on.</summary>
public sealed record RowLocation(long Row, string File, long Line)
{
    public override string ToString() => $"row {Row} ({File}:{Line})";
}

/// <summary>One kind of problem in one column (or the dataset), with how often it occurs and where it first does.</summary>
public sealed record Anomaly(
    AnomalyKind Kind,
    Severity Severity,
    string? Column,
    long Count,
    double Fraction,
    IReadOnlyList<RowLocation> FirstLocations,
    IReadOnlyList<string> Examples,
    string Description)
{
    public static Anomaly ForDataset(AnomalyKind kind, Severity severity, string? column, string description) =>
        new(kind, severity, column, 0, 0, [], [], description);

    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()}: {Description}";
}
