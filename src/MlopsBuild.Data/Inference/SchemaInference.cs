using MlopsBuild.Data.Reading;
using MlopsBuild.Data.Schema;
using MlopsBuild.Data.Statistics;
using MlopsBuild.Data.Validation;

namespace MlopsBuild.Data.Inference;

/// <summary>
/// Proposes a schema from data, for a person to review (TFDV's infer_schema): each column gets the narrowest type
/// all its values fit, observed bounds, a missing-value allowance with some margin, and categories when few.
/// </summary>
public static class SchemaInference
{
    /// <summary>At most this many distinct values (and at most 5% of the rows) make a text column categorical.</summary>
    public const int MaxCategories = 50;

    public static DatasetSchema Infer(string path, string? labelColumn = null, char separator = ',')
    {
        var evidence = Collect(path, separator);
        if (labelColumn is not null && evidence.All(e => e.Name != labelColumn))
            throw new DataFormatException(path, 1, 0, $"the label column '{labelColumn}' is not in the data; its columns are {string.Join(", ", evidence.Select(e => e.Name))}");
        var rows = evidence.Count > 0 ? evidence[0].Present + evidence[0].Missing : 0;
        return new DatasetSchema
        {
            Columns = evidence.Select(e => Column(e, rows, e.Name == labelColumn)).ToList(),
            MinRows = 1,
            Separator = separator,
        };
    }

    static List<ColumnEvidence> Collect(string path, char separator)
    {
        var evidence = new List<ColumnEvidence>();
        foreach (var file in DatasetFiles.Resolve(path))
        {
            using var reader = TableReader.Open(file, new TableReadOptions { Separator = separator });
            if (evidence.Count == 0) evidence.AddRange(reader.Columns.Select(name => new ColumnEvidence(name, countEveryValue: LooksLikeId(name))));
            else if (!reader.Columns.SequenceEqual(evidence.Select(e => e.Name)))
                throw new DataFormatException(file, 1, 1, "its columns differ from the first file of the folder; every file of a dataset needs the same header");
            while (reader.ReadBatch() is { } batch)
                Parallel.For(0, evidence.Count, column =>
                {
                    for (var row = 0; row < batch.Count; row++)
                    {
                        var present = batch.TryGetField(row, column, out var utf8);
                        evidence[column].Add(utf8, !present);
                    }
                });
        }
        return evidence;
    }

    static ColumnSchema Column(ColumnEvidence e, long rows, bool isLabel)
    {
        var values = e.Values.Summarize(topValues: MaxCategories);
        var type = TypeOf(e, values);
        var isId = !isLabel && LooksLikeId(e.Name) && values.DistinctCount >= e.Present && e.Present > 0;
        return new ColumnSchema
        {
            Name = e.Name,
            Type = type,
            Role = isLabel ? ColumnRole.Label : isId ? ColumnRole.Id : ColumnRole.Feature,
            Unique = isId,
            MaxMissingFraction = MissingAllowance(e.Missing, rows),
            Min = type is ColumnType.Numeric or ColumnType.Integer && e.Numbers > 0 ? e.Min : null,
            Max = type is ColumnType.Numeric or ColumnType.Integer && e.Numbers > 0 ? e.Max : null,
            AllowedValues = type == ColumnType.Categorical && !isId
                ? values.Frequencies.Select(v => v.Value).Order(StringComparer.Ordinal).ToList()
                : null,
        };
    }

    static ColumnType TypeOf(ColumnEvidence e, CategoricalSummary values)
    {
        if (e.Present == 0) return ColumnType.Text;
        if (e.Booleans == e.Present && !e.ManyValues && values.DistinctCount <= 2) return ColumnType.Boolean;
        if (e.Integers == e.Present) return ColumnType.Integer;
        if (e.Numbers == e.Present) return ColumnType.Numeric;
        if (e.DateTimes == e.Present) return ColumnType.DateTime;
        var few = !e.ManyValues && !values.DistinctIsEstimate && values.DistinctCount <= MaxCategories && values.DistinctCount <= Math.Max(2, e.Present / 20);
        return few || LooksLikeId(e.Name) ? ColumnType.Categorical : ColumnType.Text;
    }

    static bool LooksLikeId(string name) =>
        name.Equals("id", StringComparison.OrdinalIgnoreCase) || name.EndsWith("_id", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("ID", StringComparison.Ordinal);

    /// <summary>None seen: none allowed. Some seen: half as much again (at least one point more), rounded up to 1%.</summary>
    static double MissingAllowance(long missing, long rows)
    {
        if (missing == 0 || rows == 0) return 0;
        var observed = (double)missing / rows;
        return Math.Min(1, Math.Ceiling(Math.Max(observed * 1.5, observed + 0.01) * 100) / 100);
    }
}
