namespace MlopsBuild.Data.Schema;

/// <summary>The names in a schema file (the same in YAML and JSON): its keys, which keys belong where, and its words for types and roles.</summary>
internal static class SchemaKeys
{
    public const string Rows = "rows";
    public const string Separator = "separator";
    public const string AllowExtraColumns = "allow_extra_columns";
    public const string Drift = "drift";
    public const string Columns = "columns";

    public const string Name = "name";
    public const string Type = "type";
    public const string Role = "role";
    public const string Unique = "unique";
    public const string Pattern = "pattern";
    public const string Min = "min";
    public const string Max = "max";
    public const string Values = "values";
    public const string MaxMissing = "max_missing";
    public const string Mostly = "mostly";

    public const string Psi = "psi";
    public const string KolmogorovSmirnov = "ks";
    public const string JensenShannon = "jensen_shannon";
    public const string LInfinity = "l_infinity";
    public const string Share = "share";
    public const string Fail = "fail";

    public static readonly IReadOnlyList<string> Dataset = [Rows, Separator, AllowExtraColumns, Drift, Columns];
    public static readonly IReadOnlyList<string> RowBounds = [Min, Max];
    public static readonly IReadOnlyList<string> Column = [Name, Type, Role, Unique, Pattern, Min, Max, Values, MaxMissing, Mostly, Drift];
    public static readonly IReadOnlyList<string> ColumnDrift = [Psi, KolmogorovSmirnov, JensenShannon, LInfinity];
    public static readonly IReadOnlyList<string> DatasetDrift = [.. ColumnDrift, Share, Fail];

    /// <summary>A type or role as written: numeric, datetime, label...</summary>
    public static string Word<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
