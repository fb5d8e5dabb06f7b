using MlopsBuild.Learning.Persistence;

namespace MlopsBuild.Learning.Tests.Persistence;

public sealed class SaveTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("mlopsbuild-modelfile-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_saved_model_loads_and_is_the_only_file_written()
    {
        var path = Path.Combine(folder, "models", "small.mlmodel");

        ModelFile.Save(SmallModels.Trees(), path);

        Assert.Equal(ModelFile.ToBytes(SmallModels.Trees()), File.ReadAllBytes(path));
        Assert.Equal(LearningTask.BinaryClassification, ModelFile.Load(path).Task);
        Assert.Equal(PredictorKind.TreeEnsemble, ModelFile.ReadInfo(path).PredictorKind);
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Saving_replaces_an_existing_model()
    {
        var path = Path.Combine(folder, "model.mlmodel");
        ModelFile.Save(SmallModels.Trees(), path);

        ModelFile.Save(SmallModels.Linear(), path);

        Assert.Equal(ModelFile.ToBytes(SmallModels.Linear()), File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(folder));
    }

    [Fact]
    public void A_model_that_cannot_be_saved_leaves_the_existing_file_untouched()
    {
        var path = Path.Combine(folder, "model.mlmodel");
        ModelFile.Save(SmallModels.Trees(), path);
        var before = File.ReadAllBytes(path);
        var broken = SmallModels.SplitTree();
        broken.LeafValue[0] = double.NaN;

        Assert.Throws<ArgumentException>(() => ModelFile.Save(SmallModels.WithTrees(broken), path));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(folder));
    }

    [Fact]
    public void A_failed_write_leaves_no_temporary_file()
    {
        // The rename cannot replace a folder, so the write fails after the temporary file was written.
        var path = Path.Combine(folder, "model.mlmodel");
        Directory.CreateDirectory(path);

        Assert.ThrowsAny<IOException>(() => ModelFile.Save(SmallModels.Trees(), path));

        Assert.Empty(Directory.GetFiles(folder));
        Assert.True(Directory.Exists(path));
    }

    [Fact]
    public void Loading_a_missing_file_says_so()
    {
        var path = Path.Combine(folder, "absent.mlmodel");

        var error = Assert.Throws<ModelFormatException>(() => ModelFile.Load(path));

        Assert.Equal($"{path}: the model file does not exist. Check the path, or train the model first.", error.Message);
    }
}
