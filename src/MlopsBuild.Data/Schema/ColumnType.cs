namespace MlopsBuild.Data.Schema;

public enum ColumnType
{
    /// <summary>Real numbers ("3.14", "-1e-3").</summary>
    Numeric,
    /// <summary>Whole numbers.</summary>
    Integer,
    /// <summary>A value from a set (region, product).</summary>
    Categorical,
    /// <summary>true/false, yes/no, 1/0.</summary>
    Boolean,
    /// <summary>Free text: only missing values, length and pattern are checked.</summary>
    Text,
    /// <summary>ISO 8601 dates and times.</summary>
    DateTime,
}

public enum ColumnRole
{
    Feature,
    /// <summary>What the model predicts; exactly one per dataset.</summary>
    Label,
    /// <summary>Identifies a row (customer_id): not a feature, usually unique.</summary>
    Id,
    /// <summary>Read and validated, but not used for training.</summary>
    Ignored,
}
