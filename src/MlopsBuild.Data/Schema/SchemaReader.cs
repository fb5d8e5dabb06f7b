using System.Text.RegularExpressions;
using MlopsBuild.Data.Validation;

namespace MlopsBuild.Data.Schema;

/// <summary>Turns a parsed schema document into a <see cref="DatasetSchema"/>, rejecting what cannot be meant.</summary>
internal sealed class SchemaReader(string file)
{
    const string AddColumns = "Add a 'columns' list with one entry (name, type) per column of the data.";

    static readonly string TypeNames = string.Join(", ", Enum.GetValues<ColumnType>().Select(SchemaKeys.Word));
    static readonly string RoleNames = string.Join(", ", Enum.GetValues<ColumnRole>().Select(SchemaKeys.Word));

    readonly SchemaValues values = new(file);

    public DatasetSchema Read(SchemaNode? document)
    {
        if (document is null or SchemaScalar { Text: null })
            throw new SchemaFileException(file, document?.Line ?? 1, document?.Column ?? 1, "the schema file is empty", AddColumns);
        var top = values.Entries(document, "the schema", SchemaKeys.Dataset);
        var defaults = SchemaDefaults.Dataset;

        var rows = top.TryGetValue(SchemaKeys.Rows, out var rowsEntry) ? values.Entries(rowsEntry.Value, SchemaKeys.Rows, SchemaKeys.RowBounds) : null;
        var minRows = Get(rows, SchemaKeys.Min, node => values.Count(node, "min of rows"));
        var maxRows = Get(rows, SchemaKeys.Max, node => values.Count(node, "max of rows"));
        if (minRows > maxRows) throw MinAboveMax(rows![SchemaKeys.Min], rows[SchemaKeys.Max], "rows");

        var drift = top.TryGetValue(SchemaKeys.Drift, out var driftEntry) ? values.Entries(driftEntry.Value, SchemaKeys.Drift, SchemaKeys.DatasetDrift) : null;
        var thresholds = Thresholds(drift, defaults.Drift, SchemaKeys.Drift);

        return new DatasetSchema
        {
            Columns = ReadColumns(document, top, thresholds),
            MinRows = minRows,
            MaxRows = maxRows,
            AllowExtraColumns = Get(top, SchemaKeys.AllowExtraColumns, node => values.Boolean(node, SchemaKeys.AllowExtraColumns)) ?? defaults.AllowExtraColumns,
            Separator = Get(top, SchemaKeys.Separator, ReadSeparator) ?? defaults.Separator,
            Drift = thresholds,
            DriftShare = Get(drift, SchemaKeys.Share, node => values.Fraction(node, "share of drift")) ?? defaults.DriftShare,
            FailOnDrift = Get(drift, SchemaKeys.Fail, node => values.Boolean(node, "fail of drift")) ?? defaults.FailOnDrift,
        };
    }

    List<ColumnSchema> ReadColumns(SchemaNode document, IReadOnlyDictionary<string, SchemaEntry> top, DriftThresholds datasetDrift)
    {
        if (!top.TryGetValue(SchemaKeys.Columns, out var entry)) throw values.Error(document, "the schema has no columns", AddColumns);
        var items = values.Sequence(entry.Value, SchemaKeys.Columns).Items;
        if (items.Count == 0) throw values.Error(entry.Value, "the schema has no columns", AddColumns);

        var columns = new List<ColumnSchema>();
        var firstLines = new Dictionary<string, int>(StringComparer.Ordinal);
        SchemaNode? firstLabel = null;
        foreach (var item in items)
        {
            var (column, nameNode, roleNode) = ReadColumn(item, columns.Count + 1, datasetDrift);
            if (!firstLines.TryAdd(column.Name, nameNode.Line))
                throw values.Error(nameNode, $"column '{column.Name}' is defined twice (first on line {firstLines[column.Name]})", "Remove one of them, or correct its name.");
            if (column.Role == ColumnRole.Label && firstLabel is not null)
                throw values.Error(roleNode!, $"column '{column.Name}' is a second label (the first is on line {firstLabel.Line})",
                    "Keep role: label on the one column the model predicts; make the other a feature or ignored.");
            if (column.Role == ColumnRole.Label) firstLabel = roleNode;
            columns.Add(column);
        }
        return columns;
    }

    (ColumnSchema Column, SchemaNode Name, SchemaNode? Role) ReadColumn(SchemaNode node, int number, DriftThresholds datasetDrift)
    {
        var named = node is SchemaMapping mapping && mapping.Entries.FirstOrDefault(e => e.Key.Text == SchemaKeys.Name)?.Value is SchemaScalar { Text: { Length: > 0 } peeked }
            ? $"column '{peeked}'"
            : $"column {number}";
        var map = values.Entries(node, named, SchemaKeys.Column);
        if (!map.TryGetValue(SchemaKeys.Name, out var nameEntry)) throw values.Error(node, $"{named} has no name", "Add 'name:' with the column's header in the data.");
        var nameNode = nameEntry.Value;
        var name = values.Text(nameNode, $"the name of {named}");
        if (name.Length == 0) throw values.Error(nameNode, $"the name of {named} is empty", "Write the column's header in the data.");
        var what = $"column '{name}'";

        if (!map.TryGetValue(SchemaKeys.Type, out var typeEntry)) throw values.Error(node, $"{what} has no type", $"Add 'type:' with one of: {TypeNames}.");
        var type = Parse<ColumnType>(typeEntry.Value, SchemaKeys.Type, what, TypeNames);
        var roleNode = map.GetValueOrDefault(SchemaKeys.Role)?.Value;
        var defaults = SchemaDefaults.Column;

        var min = Get(map, SchemaKeys.Min, bound => Bound(bound, type, $"min of {what}"));
        var max = Get(map, SchemaKeys.Max, bound => Bound(bound, type, $"max of {what}"));
        if (min > max) throw MinAboveMax(map[SchemaKeys.Min], map[SchemaKeys.Max], what);

        var column = new ColumnSchema
        {
            Name = name,
            Type = type,
            Role = roleNode is null ? defaults.Role : Parse<ColumnRole>(roleNode, SchemaKeys.Role, what, RoleNames),
            Unique = Get(map, SchemaKeys.Unique, unique => values.Boolean(unique, $"unique of {what}")) ?? defaults.Unique,
            Pattern = map.TryGetValue(SchemaKeys.Pattern, out var pattern) ? ReadPattern(pattern.Value, what) : defaults.Pattern,
            Min = min,
            Max = max,
            AllowedValues = map.TryGetValue(SchemaKeys.Values, out var allowed) ? ReadAllowedValues(allowed, type, what) : defaults.AllowedValues,
            MaxMissingFraction = Get(map, SchemaKeys.MaxMissing, share => values.Fraction(share, $"max_missing of {what}")) ?? defaults.MaxMissingFraction,
            Mostly = Get(map, SchemaKeys.Mostly, share => values.Fraction(share, $"mostly of {what}")) ?? defaults.Mostly,
            Drift = map.TryGetValue(SchemaKeys.Drift, out var drift)
                ? Thresholds(values.Entries(drift.Value, $"drift of {what}", SchemaKeys.ColumnDrift), datasetDrift, $"drift of {what}")
                : defaults.Drift,
        };
        return (column, nameNode, roleNode);
    }

    // Date and time columns take their bounds as ISO dates, kept as Unix seconds like the values they bound.
    double Bound(SchemaNode node, ColumnType type, string what)
    {
        switch (type)
        {
            case ColumnType.Numeric or ColumnType.Integer:
                return values.Number(node, what);
            case ColumnType.DateTime:
                return DateTimeText.TryParseUnixSeconds(values.Text(node, what), out var seconds)
                    ? seconds
                    : throw values.Error(node, $"{what} must be an ISO 8601 date or time, not {SchemaValues.Describe(node)}", "Write a date such as 2024-01-31.");
            default:
                throw values.Error(node, $"{what} is set, but the column is {SchemaKeys.Word(type)}", "Remove it: min and max apply to numeric, integer and datetime columns.");
        }
    }

    string ReadPattern(SchemaNode node, string what)
    {
        var pattern = values.Text(node, $"pattern of {what}");
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return pattern;
        }
        catch (ArgumentException e)
        {
            throw values.Error(node, $"pattern of {what} is not a valid regular expression ({e.Message.TrimEnd('.')})", "Fix the pattern (.NET regular expression syntax).");
        }
    }

    List<string> ReadAllowedValues(SchemaEntry entry, ColumnType type, string what)
    {
        if (type != ColumnType.Categorical)
            throw values.Error(entry.Key, $"{what} lists values, but it is {SchemaKeys.Word(type)}", "Remove values, or make the column categorical (type: categorical).");
        var items = values.Sequence(entry.Value, $"values of {what}").Items;
        if (items.Count == 0) throw values.Error(entry.Value, $"{what} lists no values", "List its categories, or remove values to accept any.");
        var allowed = new List<string>();
        foreach (var item in items)
        {
            var value = values.Text(item, $"a value of {what}");
            if (allowed.Contains(value)) throw values.Error(item, $"value '{value}' is listed twice in {what}", "Remove one of them.");
            allowed.Add(value);
        }
        return allowed;
    }

    char ReadSeparator(SchemaNode node)
    {
        var text = values.Text(node, SchemaKeys.Separator);
        return text.Length == 1 && char.IsAscii(text[0]) && text[0] is not ('"' or '\n' or '\r' or '\0')
            ? text[0]
            : throw values.Error(node, $"separator must be one ASCII character other than a quote or line break, not '{text}'", "Write one character in quotes, such as \",\", \";\" or \"\\t\".");
    }

    DriftThresholds Thresholds(IReadOnlyDictionary<string, SchemaEntry>? map, DriftThresholds inherited, string what) => new()
    {
        Psi = Get(map, SchemaKeys.Psi, node => values.NonNegative(node, $"psi of {what}")) ?? inherited.Psi,
        KolmogorovSmirnov = Get(map, SchemaKeys.KolmogorovSmirnov, node => values.Fraction(node, $"ks of {what}")) ?? inherited.KolmogorovSmirnov,
        JensenShannon = Get(map, SchemaKeys.JensenShannon, node => values.Fraction(node, $"jensen_shannon of {what}")) ?? inherited.JensenShannon,
        LInfinity = Get(map, SchemaKeys.LInfinity, node => values.Fraction(node, $"l_infinity of {what}")) ?? inherited.LInfinity,
    };

    T Parse<T>(SchemaNode node, string kind, string owner, string allowed) where T : struct, Enum
    {
        var text = values.Text(node, $"{kind} of {owner}");
        foreach (var value in Enum.GetValues<T>())
            if (SchemaKeys.Word(value).Equals(text, StringComparison.OrdinalIgnoreCase)) return value;
        throw values.Error(node, $"unknown {kind} '{text}' of {owner}", $"Use one of: {allowed}.");
    }

    SchemaFileException MinAboveMax(SchemaEntry min, SchemaEntry max, string what) =>
        values.Error(min.Value, $"min {((SchemaScalar)min.Value).Text} of {what} is greater than its max {((SchemaScalar)max.Value).Text}", "Swap them, or correct one.");

    static T? Get<T>(IReadOnlyDictionary<string, SchemaEntry>? map, string key, Func<SchemaNode, T> read) where T : struct =>
        map is not null && map.TryGetValue(key, out var entry) ? read(entry.Value) : null;
}
