namespace MlopsBuild.Data.Validation;

/// <summary>What can be wrong with a dataset, in the vocabulary of TFDV's anomaly types.</summary>
public enum AnomalyKind
{
    MissingColumn,
    UnexpectedColumn,
    TypeMismatch,
    OutOfRange,
    UnknownCategory,
    PatternMismatch,
    TooManyMissing,
    DuplicateValue,
    RowCountOutOfBounds,
    DatasetDrift,
}

public enum Severity
{
    Warning,
    Error,
}
