using MlopsBuild.Data.Reading;
using MlopsBuild.Data.Schema;
using MlopsBuild.Learning.Features;

namespace MlopsBuild.Learning.Training;

/// <summary>Reads one feature column of a table into floats, as the <see cref="Featurizer"/> reads it at scoring time.</summary>
internal sealed class FeatureColumnReader(ColumnSchema column)
{
    readonly FloatColumnBuilder values = new();
    readonly CategoryCodes? categories = column.Type == ColumnType.Categorical ? new CategoryCodes(column.AllowedValues) : null;
    readonly FieldDecoder decoder = new();

    public string Name => column.Name;

    public void Read(RowBatch batch, int row, int index, string file)
    {
        if (column.Type == ColumnType.Numeric)
        {
            // From the bytes: decoding every number first took 40% of the load.
            batch.TryGetField(row, index, out var utf8);
            if (!Featurizer.TryParseNumeric(utf8, out var number)) throw NotAValue(batch, row, index, file);
            values.Add(number);
            return;
        }
        batch.TryGetText(row, index, decoder, out var text);
        if (categories is not null)
        {
            values.Add(categories.Code(text));
            return;
        }
        if (!Featurizer.TryParseValue(column.Type, text, out var value)) throw NotAValue(batch, row, index, file);
        values.Add(value);
    }

    DataFormatException NotAValue(RowBatch batch, int row, int index, string file) =>
        new(file, batch.Line(row), 0, $"column '{column.Name}': '{batch.Field(row, index)}' is not {Article(column.Type)} value. Run ValidateData to list every bad value");

    /// <summary>The column as a model input, and its values (categories renumbered as <see cref="CategoryCodes"/> says).</summary>
    public (InputColumn Input, float[] Values) Finish()
    {
        var known = categories?.Finish(values) ?? [];
        return (new InputColumn(column.Name, column.Type, known), values.ToArray());
    }

    internal static string Article(ColumnType type) => type switch
    {
        ColumnType.Integer => "an integer",
        ColumnType.DateTime => "a date-time",
        ColumnType.Boolean => "a boolean",
        ColumnType.Numeric => "a finite numeric",
        _ => $"a {type.ToString().ToLowerInvariant()}",
    };
}
