namespace MlopsBuild.Data.Drift;

/// <summary>Which columns drifted, and whether enough of them did for the dataset to have drifted.</summary>
/// <param name="DriftedShare">DriftedColumns / ComparedColumns (0 when nothing was compared).</param>
/// <param name="ShareThreshold">The dataset has drifted when DriftedShare is above this (the schema's DriftShare).</param>
/// <param name="NotCompared">
/// Schema columns without a comparison, in schema order: id and ignored columns, text columns, and columns missing (or
/// without any present value) in the reference or the current statistics.
/// </param>
public sealed record DriftReport(
    IReadOnlyList<ColumnDrift> Columns,
    int DriftedColumns,
    int ComparedColumns,
    double DriftedShare,
    double ShareThreshold,
    bool DatasetDrifted,
    IReadOnlyList<string> NotCompared);
