using MlopsBuild.Data.Reading;
using MlopsBuild.Data.Schema;
using MlopsBuild.Learning;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Benchmarks.Training;

/// <summary>Loads the benchmark CSV as the product does: <see cref="TableReader"/> for the text, <see cref="Featurizer"/> for the values.</summary>
internal static class BenchmarkCsv
{
    public static (TrainingData Train, TrainingData Test) LoadSplit(string file, double trainShare)
    {
        using var reader = TableReader.Open(file);
        var featureNames = reader.Columns.Take(HiggsLikeData.FeatureCount).ToArray();
        var signature = new ModelSignature(featureNames.Select(n => new InputColumn(n, ColumnType.Numeric, [])).ToArray(), "label", ColumnType.Boolean, ["0", "1"]);
        var featurizer = new Featurizer(signature);
        var columns = featureNames.Select(_ => new List<float>()).ToArray();
        var labels = new List<float>();
        var decoder = new FieldDecoder();
        while (reader.ReadBatch() is { } batch)
        {
            for (var row = 0; row < batch.Count; row++)
            {
                for (var j = 0; j < columns.Length; j++)
                {
                    batch.TryGetText(row, j, decoder, out var text);
                    if (!featurizer.TryFeaturize(j, text, out var value))
                        throw new InvalidOperationException($"Row {batch.FirstRow + row}: {featureNames[j]} is not a number.");
                    columns[j].Add(value);
                }
                labels.Add(batch.TryGetField(row, columns.Length, out var label) && label[0] == '1' ? 1 : 0);
            }
        }
        var cut = (int)(labels.Count * trainShare);
        return (Slice(featurizer, columns, labels, 0, cut), Slice(featurizer, columns, labels, cut, labels.Count - cut));
    }

    static TrainingData Slice(Featurizer featurizer, List<float>[] columns, List<float> labels, int start, int count) =>
        new(new FeatureMatrix(featurizer.Features, columns.Select(c => c.GetRange(start, count).ToArray()).ToArray()),
            labels.GetRange(start, count).ToArray(), LearningTask.BinaryClassification, 2);
}
