namespace MlopsBuild.Data.Schema;

/// <summary>What a schema file means when it leaves a key out (and so what saving leaves out).</summary>
internal static class SchemaDefaults
{
    public static readonly DatasetSchema Dataset = new() { Columns = [] };
    public static readonly ColumnSchema Column = new() { Name = "", Type = ColumnType.Numeric };
}
