using MlopsBuild.Data.Schema;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Benchmarks.Training;

/// <summary>Loads the benchmark CSV with the product's loader (<see cref="TabularDatasetLoader"/>), split by position.</summary>
internal static class BenchmarkCsv
{
    static readonly DatasetSchema Schema = new()
    {
        Columns = Enumerable.Range(1, HiggsLikeData.FeatureCount)
            .Select(i => new ColumnSchema { Name = $"f{i:D2}", Type = ColumnType.Numeric })
            .Append(new ColumnSchema { Name = "label", Type = ColumnType.Boolean, Role = ColumnRole.Label })
            .ToList(),
    };

    public static (TrainingData Train, TrainingData Test) LoadSplit(string file, double trainShare)
    {
        var data = TabularDatasetLoader.Load(file, Schema).Data;
        var cut = (int)(data.RowCount * trainShare);
        return (data.Select(Enumerable.Range(0, cut).ToArray()), data.Select(Enumerable.Range(cut, data.RowCount - cut).ToArray()));
    }
}
