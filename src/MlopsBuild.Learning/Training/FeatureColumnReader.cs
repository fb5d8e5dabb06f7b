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
        batch.TryGetText(row, index, decoder, out var text);
        if (categories is not null)
        {
            values.Add(categories.Code(text));
            return;
        }
        if (!Featurizer.TryParseValue(column.Type, text, out var value))
            throw new DataFormatException(file, batch.Line(row), 0,
                $"column '{column.Name}': '{text}' is not {Article(column.Type)} value. Run ValidateData to list every bad value");
        values.Add(value);
    }

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
