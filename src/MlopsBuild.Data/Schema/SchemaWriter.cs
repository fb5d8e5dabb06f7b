using System.Globalization;

namespace MlopsBuild.Data.Schema;

/// <summary>Turns a <see cref="DatasetSchema"/> into the document a user would write: fixed key order, defaults left out.</summary>
internal static class SchemaWriter
{
    public static SchemaNode Write(DatasetSchema schema) => new SchemaMapping(DatasetEntries(schema).ToList(), Compact: false);

    static IEnumerable<SchemaEntry> DatasetEntries(DatasetSchema schema)
    {
        var defaults = SchemaDefaults.Dataset;
        var rows = new List<SchemaEntry>();
        if (schema.MinRows is { } minRows) rows.Add(Entry(SchemaKeys.Min, Number(minRows)));
        if (schema.MaxRows is { } maxRows) rows.Add(Entry(SchemaKeys.Max, Number(maxRows)));
        if (rows.Count > 0) yield return Entry(SchemaKeys.Rows, new SchemaMapping(rows, Compact: true));
        if (schema.Separator != defaults.Separator) yield return Entry(SchemaKeys.Separator, Text(schema.Separator.ToString()));
        if (schema.AllowExtraColumns != defaults.AllowExtraColumns) yield return Entry(SchemaKeys.AllowExtraColumns, Boolean(schema.AllowExtraColumns));

        var drift = DriftEntries(schema.Drift, defaults.Drift).ToList();
        if (schema.DriftShare != defaults.DriftShare) drift.Add(Entry(SchemaKeys.Share, Number(schema.DriftShare)));
        if (schema.FailOnDrift != defaults.FailOnDrift) drift.Add(Entry(SchemaKeys.Fail, Boolean(schema.FailOnDrift)));
        if (drift.Count > 0) yield return Entry(SchemaKeys.Drift, new SchemaMapping(drift, Compact: true));

        yield return Entry(SchemaKeys.Columns, new SchemaSequence(schema.Columns.Select(column => Column(column, schema.Drift)).ToList(), Compact: false));
    }

    static SchemaMapping Column(ColumnSchema column, DriftThresholds datasetDrift) => new(ColumnEntries(column, datasetDrift).ToList(), Compact: false);

    static IEnumerable<SchemaEntry> ColumnEntries(ColumnSchema column, DriftThresholds datasetDrift)
    {
        var defaults = SchemaDefaults.Column;
        yield return Entry(SchemaKeys.Name, Text(column.Name));
        yield return Entry(SchemaKeys.Type, Text(SchemaKeys.Word(column.Type)));
        if (column.Role != defaults.Role) yield return Entry(SchemaKeys.Role, Text(SchemaKeys.Word(column.Role)));
        if (column.Unique != defaults.Unique) yield return Entry(SchemaKeys.Unique, Boolean(column.Unique));
        if (column.Pattern is { } pattern) yield return Entry(SchemaKeys.Pattern, Text(pattern));
        if (column.Min is { } min) yield return Entry(SchemaKeys.Min, Bound(min, column.Type));
        if (column.Max is { } max) yield return Entry(SchemaKeys.Max, Bound(max, column.Type));
        if (column.AllowedValues is { } allowed) yield return Entry(SchemaKeys.Values, new SchemaSequence(allowed.Select(Text).ToList(), Compact: true));
        if (column.MaxMissingFraction != defaults.MaxMissingFraction) yield return Entry(SchemaKeys.MaxMissing, Number(column.MaxMissingFraction));
        if (column.Mostly != defaults.Mostly) yield return Entry(SchemaKeys.Mostly, Number(column.Mostly));
        // Only what differs from the dataset's thresholds: the rest is inherited when read back.
        if (column.Drift is { } drift) yield return Entry(SchemaKeys.Drift, new SchemaMapping(DriftEntries(drift, datasetDrift).ToList(), Compact: true));
    }

    static IEnumerable<SchemaEntry> DriftEntries(DriftThresholds thresholds, DriftThresholds inherited)
    {
        if (thresholds.Psi != inherited.Psi) yield return Entry(SchemaKeys.Psi, Number(thresholds.Psi));
        if (thresholds.KolmogorovSmirnov != inherited.KolmogorovSmirnov) yield return Entry(SchemaKeys.KolmogorovSmirnov, Number(thresholds.KolmogorovSmirnov));
        if (thresholds.JensenShannon != inherited.JensenShannon) yield return Entry(SchemaKeys.JensenShannon, Number(thresholds.JensenShannon));
        if (thresholds.LInfinity != inherited.LInfinity) yield return Entry(SchemaKeys.LInfinity, Number(thresholds.LInfinity));
    }

    // Date and time bounds are Unix seconds in memory and ISO dates in the file.
    static SchemaScalar Bound(double value, ColumnType type)
    {
        if (type != ColumnType.DateTime) return Number(value);
        var moment = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(value * 1000)).UtcDateTime;
        return Text(moment.ToString(moment.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm:ss.FFFZ", CultureInfo.InvariantCulture));
    }

    static SchemaEntry Entry(string key, SchemaNode value) => new(Text(key), value);

    static SchemaScalar Text(string text) => new(text, IsString: true);

    static SchemaScalar Number(double value) => new(value.ToString(CultureInfo.InvariantCulture), IsString: false);

    static SchemaScalar Boolean(bool value) => new(value ? "true" : "false", IsString: false);
}
