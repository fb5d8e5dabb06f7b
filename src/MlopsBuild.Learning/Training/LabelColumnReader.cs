using MlopsBuild.Data.Reading;
using MlopsBuild.Data.Schema;
using MlopsBuild.Learning.Features;

namespace MlopsBuild.Learning.Training;

/// <summary>
/// Reads the label column: booleans and categories become class indices (two classes: binary classification, more:
/// multiclass), numbers are regression targets. Every row needs a label.
/// </summary>
internal sealed class LabelColumnReader
{
    readonly ColumnSchema column;
    readonly FloatColumnBuilder values = new();
    readonly CategoryCodes? classes;
    readonly FieldDecoder decoder = new();

    public LabelColumnReader(ColumnSchema column)
    {
        if (column.Type is ColumnType.Text or ColumnType.DateTime)
            throw new TrainingException(
                $"The label '{column.Name}' is a {column.Type.ToString().ToLowerInvariant()} column: a label must be boolean or categorical (classification) or numeric or integer (regression). Change its type in the schema");
        this.column = column;
        Task = column.Type switch
        {
            ColumnType.Boolean => LearningTask.BinaryClassification,
            ColumnType.Categorical => LearningTask.MulticlassClassification, // binary when it has two classes: see Finish
            _ => LearningTask.Regression,
        };
        if (column.Type == ColumnType.Categorical) classes = new CategoryCodes(column.AllowedValues);
    }

    LearningTask Task { get; }

    public string Name => column.Name;

    public void Read(RowBatch batch, int row, int index, string file)
    {
        if (!batch.TryGetText(row, index, decoder, out var text))
            throw new DataFormatException(file, batch.Line(row), 0, $"the label '{column.Name}' is missing. Every training row needs a label: fix or drop the row");
        var value = classes?.Code(text) ?? (Featurizer.TryParseValue(column.Type, text, out var parsed) ? parsed : float.NaN);
        if (float.IsNaN(value))
            throw new DataFormatException(file, batch.Line(row), 0, classes is null
                ? $"the label '{column.Name}': '{text}' is not {FeatureColumnReader.Article(column.Type)} value"
                : $"the label '{column.Name}': '{text}' is not one of its values ({string.Join(", ", column.AllowedValues!)}). Add it to the schema or fix the row");
        values.Add(value);
    }

    /// <summary>The labels, the task they make and the class names (none for regression).</summary>
    public (float[] Labels, LearningTask Task, IReadOnlyList<string> ClassNames) Finish()
    {
        var labels = values.ToArray();
        if (Task == LearningTask.Regression) return (labels, Task, []);
        IReadOnlyList<string> names = classes?.Finish(values) ?? ["false", "true"];
        if (classes is not null) labels = values.ToArray();
        var counts = new long[names.Count];
        foreach (var label in labels) counts[(int)label]++;
        var present = names.Where((_, k) => counts[k] > 0).ToArray();
        if (present.Length < 2)
            throw new TrainingException(
                $"The label '{column.Name}' has only one class in the data ({(present.Length == 1 ? present[0] : "none")}): a classifier needs rows of at least two classes");
        var absent = names.Where((_, k) => counts[k] == 0).ToArray();
        if (absent.Length > 0)
            throw new TrainingException(
                $"The label '{column.Name}' has no rows of class {string.Join(", ", absent)}: add rows of it, or remove it from the schema's values");
        return (labels, names.Count == 2 ? LearningTask.BinaryClassification : LearningTask.MulticlassClassification, names);
    }
}
