namespace MlopsBuild.Quality.Gates;

/// <summary>What a data check concluded, as ValidateData wrote it to validation.json.</summary>
/// <param name="Passed">No anomaly of error severity (drift counts as an error when the schema fails on drift).</param>
/// <param name="Problems">Every anomaly, errors first as the file lists them.</param>
/// <param name="Drift">Null when the data was not compared with a reference.</param>
public sealed record DataValidationOutcome(bool Passed, int Errors, int Warnings, IReadOnlyList<DataProblem> Problems, DataDriftOutcome? Drift);

/// <param name="Severity">"error" or "warning".</param>
public sealed record DataProblem(string Kind, string Severity, string? Column, string Description);

public sealed record DataDriftOutcome(bool DatasetDrifted, int DriftedColumns, int ComparedColumns, double ShareThreshold, IReadOnlyList<string> DriftedColumnNames);
