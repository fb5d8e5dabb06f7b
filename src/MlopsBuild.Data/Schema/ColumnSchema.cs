namespace MlopsBuild.Data.Schema;

/// <summary>What one column of the data must look like.</summary>
public sealed record ColumnSchema
{
    public required string Name { get; init; }
    public required ColumnType Type { get; init; }
    public ColumnRole Role { get; init; } = ColumnRole.Feature;

    /// <summary>Largest share of missing (empty/null) values; 0 means the column must always be present.</summary>
    public double MaxMissingFraction { get; init; }

    public double? Min { get; init; }
    public double? Max { get; init; }

    /// <summary>For categorical columns: the known categories. Anything else is an unknown category.</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>A regular expression every present value must match in full.</summary>
    public string? Pattern { get; init; }

    public bool Unique { get; init; }

    /// <summary>
    /// Great Expectations' "mostly": the share of present values that must pass the value checks (range,
    /// category, pattern, type). When at least this share passes, violations are warnings; below it, errors.
    /// 1 (the default) makes every violation an error.
    /// </summary>
    public double Mostly { get; init; } = 1.0;

    /// <summary>Overrides the dataset's drift thresholds for this column.</summary>
    public DriftThresholds? Drift { get; init; }
}
