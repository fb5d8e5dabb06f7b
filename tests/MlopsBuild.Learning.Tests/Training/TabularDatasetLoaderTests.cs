using MlopsBuild.Data.Reading;
using MlopsBuild.Data.Schema;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Training;
using MlopsBuild.Testing;

namespace MlopsBuild.Learning.Tests.Training;

public class TabularDatasetLoaderTests
{
    static readonly DatasetSchema Schema = new()
    {
        Columns =
        [
            new ColumnSchema { Name = "id", Type = ColumnType.Text, Role = ColumnRole.Id },
            new ColumnSchema { Name = "age", Type = ColumnType.Integer },
            new ColumnSchema { Name = "income", Type = ColumnType.Numeric },
            new ColumnSchema { Name = "region", Type = ColumnType.Categorical },
            new ColumnSchema { Name = "plan", Type = ColumnType.Categorical, AllowedValues = ["gold", "basic"] },
            new ColumnSchema { Name = "owner", Type = ColumnType.Boolean },
            new ColumnSchema { Name = "note", Type = ColumnType.Text },
            new ColumnSchema { Name = "batch", Type = ColumnType.Integer, Role = ColumnRole.Ignored },
            new ColumnSchema { Name = "defaulted", Type = ColumnType.Boolean, Role = ColumnRole.Label },
        ],
    };

    const string Csv = """
        id,age,income,region,plan,owner,note,batch,defaulted
        a,30,1.5,west,gold,true,hi,7,1
        b,41,,north,silver,false,,7,0
        c,52,3.25,,basic,yes,x,7,false

        """;

    [Fact]
    public void Reads_every_kind_of_feature_as_the_featurizer_would()
    {
        using var folder = new TemporaryDirectory();
        var dataset = TabularDatasetLoader.Load(folder.Write("loans.csv", Csv), Schema);

        Assert.Equal(["age", "income", "region", "plan", "owner"], dataset.Signature.Inputs.Select(i => i.Name));
        Assert.Equal(["note"], dataset.IgnoredFeatures);
        var columns = dataset.Data.Features.Columns;
        Assert.Equal([30f, 41f, 52f], columns[0]);
        Assert.Equal([1.5f, float.NaN, 3.25f], columns[1]);
        // Collected categories are numbered in ordinal order, whatever order the rows come in.
        Assert.Equal(["north", "west"], dataset.Signature.Inputs[2].Categories);
        Assert.Equal([1f, 0f, float.NaN], columns[2]);
        // Declared categories keep the schema's order; an undeclared one is missing, as it is when scoring.
        Assert.Equal(["gold", "basic"], dataset.Signature.Inputs[3].Categories);
        Assert.Equal([0f, float.NaN, 1f], columns[3]);
        Assert.Equal([1f, 0f, 1f], columns[4]);
        Assert.Equal([1f, 0f, 0f], dataset.Data.Labels);
        Assert.Equal(LearningTask.BinaryClassification, dataset.Data.Task);
        Assert.Equal(["false", "true"], dataset.Signature.ClassNames);
        Assert.NotNull(dataset.RowKeys);
        Assert.Equal(3, dataset.RowKeys!.Distinct().Count());
    }

    [Fact]
    public void The_loaded_features_equal_those_the_featurizer_gives_for_the_same_text()
    {
        using var folder = new TemporaryDirectory();
        var dataset = TabularDatasetLoader.Load(folder.Write("loans.csv", Csv), Schema);
        var featurizer = new Featurizer(dataset.Signature);
        string[][] rows = [["30", "1.5", "west", "gold", "true"], ["41", "", "north", "silver", "false"], ["52", "3.25", "", "basic", "yes"]];
        for (var row = 0; row < rows.Length; row++)
            for (var input = 0; input < rows[row].Length; input++)
            {
                Assert.True(featurizer.TryFeaturize(input, rows[row][input], out var value));
                Assert.Equal(dataset.Data.Features.Columns[input][row], value);
            }
    }

    [Fact]
    public void A_categorical_label_with_more_than_two_classes_is_multiclass()
    {
        using var folder = new TemporaryDirectory();
        var schema = new DatasetSchema
        {
            Columns =
            [
                new ColumnSchema { Name = "x", Type = ColumnType.Numeric },
                new ColumnSchema { Name = "species", Type = ColumnType.Categorical, Role = ColumnRole.Label },
            ],
        };
        var dataset = TabularDatasetLoader.Load(folder.Write("iris.csv", "x,species\n1,setosa\n2,virginica\n3,versicolor\n4,setosa\n"), schema);
        Assert.Equal(LearningTask.MulticlassClassification, dataset.Data.Task);
        Assert.Equal(["setosa", "versicolor", "virginica"], dataset.Signature.ClassNames);
        Assert.Equal([0f, 2f, 1f, 0f], dataset.Data.Labels);
    }

    [Fact]
    public void A_numeric_label_is_regression()
    {
        using var folder = new TemporaryDirectory();
        var schema = new DatasetSchema
        {
            Columns = [new ColumnSchema { Name = "x", Type = ColumnType.Numeric }, new ColumnSchema { Name = "y", Type = ColumnType.Numeric, Role = ColumnRole.Label }],
        };
        var dataset = TabularDatasetLoader.Load(folder.Write("r.csv", "x,y\n1,2.5\n2,-1\n"), schema);
        Assert.Equal(LearningTask.Regression, dataset.Data.Task);
        Assert.Equal([2.5f, -1f], dataset.Data.Labels);
        Assert.Empty(dataset.Signature.ClassNames);
    }

    [Theory]
    [InlineData("id,age,income,region,plan,owner,note,batch,defaulted\na,30,1.5,west,gold,true,,1,1\nb,31,2,west,gold,true,,1,1\n", "only one class in the data (true)")]
    [InlineData("id,age,income,region,plan,owner,note,batch,defaulted\na,30,1.5,west,gold,true,,1,\n", "(2): the label 'defaulted' is missing")]
    [InlineData("id,age,income,region,plan,owner,note,batch,defaulted\na,thirty,1.5,west,gold,true,,1,1\n", "(2): column 'age': 'thirty' is not an integer value")]
    [InlineData("id,age,income,region,plan,owner,note,batch,defaulted\na,30,1e999,west,gold,true,,1,1\n", "(2): column 'income': '1e999' is not a finite numeric value")]
    [InlineData("id,age,income,region,plan,owner,note,batch,defaulted\na,30,1e39,west,gold,true,,1,1\n", "(2): column 'income': '1e39' is not a finite numeric value")]
    [InlineData("id,age,income,region,plan,owner,note,batch,defaulted\na,30,12.5.1,west,gold,true,,1,1\n", "(2): column 'income': '12.5.1' is not a finite numeric value")]
    [InlineData("id,age,region,plan,owner,note,batch,defaulted\na,30,west,gold,true,,1,1\n", "the column 'income' of the schema is not in the file")]
    [InlineData("id,age,income,region,plan,owner,note,batch,defaulted\n,30,1.5,west,gold,true,,1,1\n", "(2): the id 'id' is missing")]
    public void Bad_data_gives_one_clear_error(string csv, string message)
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Write("bad.csv", csv);
        var error = Record.Exception(() => TabularDatasetLoader.Load(path, Schema));
        Assert.True(error is TrainingException or DataFormatException, error?.GetType().Name);
        Assert.Contains(message, error!.Message);
    }

    [Fact]
    public void Numbers_are_read_from_their_bytes_as_the_featurizer_reads_their_text()
    {
        string[] incomes = ["1.5", "-0.25", "+7", "1e3", "", "12345678.125", "0.1000000000000000055511151231257827", "-0", "3.4028235e38", "1234.5678"];
        using var folder = new TemporaryDirectory();
        var csv = "id,age,income,region,plan,owner,note,batch,defaulted\n" + string.Concat(incomes.Select((income, i) => $"r{i},30,{income},west,gold,true,,1,{i % 2}\n"));

        var dataset = TabularDatasetLoader.Load(folder.Write("numbers.csv", csv), Schema);

        var loaded = dataset.Data.Features.Columns[dataset.Data.Features.Features.ToList().FindIndex(f => f.Name == "income")];
        var expected = incomes.Select(text => Featurizer.TryParseValue(ColumnType.Numeric, text, out var value) ? value : throw new InvalidOperationException(text));
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), loaded.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void A_schema_without_a_label_is_an_error()
    {
        using var folder = new TemporaryDirectory();
        var schema = new DatasetSchema { Columns = [new ColumnSchema { Name = "x", Type = ColumnType.Numeric }] };
        var error = Assert.Throws<TrainingException>(() => TabularDatasetLoader.Load(folder.Write("x.csv", "x\n1\n"), schema));
        Assert.Contains("'role: label'", error.Message);
    }

    [Fact]
    public void A_declared_class_with_no_rows_is_an_error()
    {
        using var folder = new TemporaryDirectory();
        var schema = new DatasetSchema
        {
            Columns =
            [
                new ColumnSchema { Name = "x", Type = ColumnType.Numeric },
                new ColumnSchema { Name = "y", Type = ColumnType.Categorical, Role = ColumnRole.Label, AllowedValues = ["a", "b", "c"] },
            ],
        };
        var error = Assert.Throws<TrainingException>(() => TabularDatasetLoader.Load(folder.Write("x.csv", "x,y\n1,a\n2,b\n"), schema));
        Assert.Contains("no rows of class c", error.Message);
    }
}
