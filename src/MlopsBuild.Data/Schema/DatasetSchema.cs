namespace MlopsBuild.Data.Schema;

/// <summary>The hand-editable description of a dataset (loaded from YAML or JSON by <see cref="SchemaFile"/>).</summary>
public sealed record DatasetSchema
{
    public required IReadOnlyList<ColumnSchema> Columns { get; init; }

    public long? MinRows { get; init; }
    public long? MaxRows { get; init; }

    /// <summary>Columns in the data but not in the schema are an error unless this is true (then a warning).</summary>
    public bool AllowExtraColumns { get; init; }

    /// <summary>The CSV field separator.</summary>
    public char Separator { get; init; } = ',';

    public DriftThresholds Drift { get; init; } = DriftThresholds.Default;

    /// <summary>The dataset has drifted when more than this share of its feature columns have.</summary>
    public double DriftShare { get; init; } = 0.3;

    /// <summary>Whether a drifted dataset fails validation (an error) or only warns.</summary>
    public bool FailOnDrift { get; init; }

    public ColumnSchema? Label => Columns.FirstOrDefault(c => c.Role == ColumnRole.Label);

    public ColumnSchema? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);
}
