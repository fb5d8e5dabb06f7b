using MlopsBuild.Data.Reading;
using MlopsBuild.Data.Schema;
using MlopsBuild.Data.Statistics;
using MlopsBuild.Data.Validation;
using MlopsBuild.Learning.Features;

namespace MlopsBuild.Learning.Training;

/// <summary>Reads a dataset (a file or a folder of them) into features and labels, as its schema describes it.</summary>
public static class TabularDatasetLoader
{
    /// <exception cref="TrainingException">The schema names no label, or no column can be a feature.</exception>
    /// <exception cref="DataFormatException">A file is malformed, lacks a column, or holds a value of the wrong type.</exception>
    public static TabularDataset Load(string path, DatasetSchema schema, TableReadOptions? options = null)
    {
        var labelColumn = schema.Label
            ?? throw new TrainingException("The schema has no label column: mark the column the model predicts with 'role: label'");
        var usable = schema.Columns.Where(c => c.Role == ColumnRole.Feature && c.Type != ColumnType.Text).ToArray();
        if (usable.Length == 0)
            throw new TrainingException("The schema has no feature column a model can read (numeric, integer, boolean, categorical or date-time): give at least one column 'role: feature'");
        var idColumn = schema.Columns.FirstOrDefault(c => c.Role == ColumnRole.Id);

        var features = usable.Select(c => new FeatureColumnReader(c)).ToArray();
        var label = new LabelColumnReader(labelColumn);
        var keys = idColumn is null ? null : new List<ulong>();
        options ??= new TableReadOptions { Separator = schema.Separator };
        var idDecoder = new FieldDecoder();
        foreach (var file in DatasetFiles.Resolve(path))
        {
            using var reader = TableReader.Open(file, options);
            var featureIndex = features.Select(f => IndexOf(reader, f.Name)).ToArray();
            var labelIndex = IndexOf(reader, label.Name);
            var idIndex = idColumn is null ? -1 : IndexOf(reader, idColumn.Name);
            while (reader.ReadBatch() is { } batch)
                for (var row = 0; row < batch.Count; row++)
                {
                    for (var j = 0; j < features.Length; j++) features[j].Read(batch, row, featureIndex[j], reader.Path);
                    label.Read(batch, row, labelIndex, reader.Path);
                    if (keys is null) continue;
                    if (!batch.TryGetText(row, idIndex, idDecoder, out var id))
                        throw new DataFormatException(reader.Path, batch.Line(row), 0, $"the id '{idColumn!.Name}' is missing. Every row needs its id when the split is by id");
                    keys.Add(StableHash.OfText(id));
                }
        }

        var columns = features.Select(f => f.Finish()).ToArray();
        var (labels, task, classNames) = label.Finish();
        var signature = new ModelSignature(columns.Select(c => c.Input).ToArray(), labelColumn.Name, labelColumn.Type, classNames);
        var matrix = new FeatureMatrix(signature.Features(), columns.Select(c => c.Values).ToArray());
        var data = new TrainingData(matrix, labels, task, task == LearningTask.Regression ? 0 : classNames.Count);
        var ignored = schema.Columns.Where(c => c.Role == ColumnRole.Feature && c.Type == ColumnType.Text).Select(c => c.Name).ToArray();
        return new TabularDataset(signature, data, keys?.ToArray(), idColumn?.Name, ignored);
    }

    static int IndexOf(ITableReader reader, string column)
    {
        for (var i = 0; i < reader.Columns.Count; i++)
            if (reader.Columns[i] == column) return i;
        throw new DataFormatException(reader.Path, 0, 0, $"the column '{column}' of the schema is not in the file. Add it, or remove it from the schema");
    }
}
