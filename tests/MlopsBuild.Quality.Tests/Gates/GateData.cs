using MlopsBuild.Data.Schema;
using MlopsBuild.Learning;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Linear;
using MlopsBuild.Learning.Training;
using MlopsBuild.Quality.Gates;

namespace MlopsBuild.Quality.Tests.Gates;

/// <summary>
/// Generated loan-like data whose truth is known: the label follows x (strongly) and region=south (a little); noise
/// (2% missing) and member play no part; "rare" is a region of about 2% of rows. Every third row is a test row.
/// </summary>
internal static class GateData
{
    public const int Rows = 1200;
    static readonly string[] Regions = ["north", "south", "east", "rare"];
    static readonly DateTimeOffset FirstDay = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly TabularDataset Binary = Create(regression: false);
    public static readonly TabularDataset Regression = Create(regression: true);

    public static int[] TestRows { get; } = Enumerable.Range(0, Rows).Where(row => row % 3 == 0).ToArray();

    public static int[] TrainRows { get; } = Enumerable.Range(0, Rows).Where(row => row % 3 != 0).ToArray();

    public static GateContext Context(TrainedModel candidate, TabularDataset? dataset = null, string root = ".") =>
        new(candidate, dataset ?? Binary, TestRows, root);

    /// <summary>A linear model on the dataset's signature: weights on numeric inputs by name, and per region.</summary>
    public static TrainedModel Linear(TabularDataset dataset, double x, double noise = 0, double south = 0) =>
        Linear(dataset.Signature, dataset.Data.Task, x, noise, south);

    public static TrainedModel Linear(ModelSignature signature, LearningTask task, double x, double noise = 0, double south = 0)
    {
        var terms = new List<LinearTerm>();
        for (var i = 0; i < signature.Inputs.Count; i++)
        {
            var input = signature.Inputs[i];
            if (input.Name == "x") terms.Add(new LinearTerm(i, 0, 1, [x]));
            if (input.Name == "noise" && noise != 0) terms.Add(new LinearTerm(i, 0, 1, [noise]));
            if (input.Name == "region" && south != 0) terms.Add(new LinearTerm(i, 0, 1, input.Categories.Select(c => c == "south" ? south : 0).ToArray()));
        }
        var predictor = new LinearModel(task, signature.Features(), [0.0], terms);
        return new TrainedModel(signature, predictor, new TrainingMetadata("linear", new Dictionary<string, string>(), 1, "sha256:test", TrainRows.Length));
    }

    /// <summary>A schema that names the data's columns and two it does not turn into features.</summary>
    public static DatasetSchema Schema() => new()
    {
        Columns =
        [
            new ColumnSchema { Name = "customer_id", Type = ColumnType.Text, Role = ColumnRole.Id },
            new ColumnSchema { Name = "application_date", Type = ColumnType.DateTime, Role = ColumnRole.Ignored },
            .. Binary.Signature.Inputs.Select(i => new ColumnSchema { Name = i.Name, Type = i.Type }),
            new ColumnSchema { Name = "approved", Type = ColumnType.Boolean, Role = ColumnRole.Label },
        ],
    };

    static TabularDataset Create(bool regression)
    {
        var random = new Random(7);
        var (x, noise, region, member, opened, labels) =
            (new float[Rows], new float[Rows], new float[Rows], new float[Rows], new float[Rows], new float[Rows]);
        for (var row = 0; row < Rows; row++)
        {
            x[row] = (float)Normal(random);
            noise[row] = random.NextDouble() < 0.02 ? float.NaN : (float)Normal(random);
            var draw = random.NextDouble();
            region[row] = draw < 0.4 ? 0 : draw < 0.7 ? 1 : draw < 0.98 ? 2 : 3;
            member[row] = random.NextDouble() < 0.5 ? 1 : 0;
            opened[row] = FirstDay.AddDays(row % 365).ToUnixTimeSeconds();
            var signal = 2.5 * x[row] + (region[row] == 1 ? 0.5 : 0);
            labels[row] = regression
                ? (float)(signal + 0.5 * Normal(random))
                : random.NextDouble() < 1 / (1 + Math.Exp(-signal)) ? 1 : 0;
        }
        InputColumn[] inputs =
        [
            new("x", ColumnType.Numeric, []),
            new("noise", ColumnType.Numeric, []),
            new("region", ColumnType.Categorical, Regions),
            new("member", ColumnType.Boolean, []),
            new("opened", ColumnType.DateTime, []),
        ];
        var signature = regression
            ? new ModelSignature(inputs, "amount", ColumnType.Numeric, [])
            : new ModelSignature(inputs, "approved", ColumnType.Boolean, ["no", "yes"]);
        var task = regression ? LearningTask.Regression : LearningTask.BinaryClassification;
        var matrix = new FeatureMatrix(signature.Features(), [x, noise, region, member, opened]);
        return new TabularDataset(signature, new TrainingData(matrix, labels, task, regression ? 0 : 2), null, "customer_id", []);
    }

    static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
