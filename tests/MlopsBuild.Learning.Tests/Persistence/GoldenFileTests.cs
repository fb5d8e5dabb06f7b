using MlopsBuild.Learning.Persistence;

namespace MlopsBuild.Learning.Tests.Persistence;

/// <summary>
/// Files written by format version 1, committed under Fixtures/: every later build must load them and predict the same
/// values, so a format change that breaks old files fails here. They were written from <see cref="SmallModels"/> by
/// running these tests once with MLOPSBUILD_WRITE_MODEL_FIXTURES=1; do not rewrite them to make a test pass.
/// </summary>
public sealed class GoldenFileTests
{
    static readonly string Fixtures = FindFixtures();

    static GoldenFileTests()
    {
        if (Environment.GetEnvironmentVariable("MLOPSBUILD_WRITE_MODEL_FIXTURES") != "1") return;
        ModelFile.Save(SmallModels.Trees(), Path.Combine(Fixtures, "v1-trees.mlmodel"));
        ModelFile.Save(SmallModels.Linear(), Path.Combine(Fixtures, "v1-linear.mlmodel"));
    }

    // Scores worked out by hand from the trees in SmallModels.Trees: −0.5 + tree 0's leaf + 0.0625.
    [Theory]
    [InlineData("30000", "south", "false", 0.0625)]   // income ≤ 50000, south in {south, west}: leaf 0.5
    [InlineData("", "", "true", -0.6875)]             // missing income goes left, missing region right: −0.25
    [InlineData("80000", "north", "true", 0.5625)]    // income > 50000, member: 1.0
    [InlineData("80000", "north", "false", -0.3125)]  // not a member: 0.125
    [InlineData("80000", "east", "", 0.5625)]         // missing member goes right: 1.0
    [InlineData("50000", "west", "false", 0.0625)]    // 50000 ≤ 50000 goes left, west in the set: 0.5
    [InlineData("50000", "east", "false", -0.6875)]   // east not in the set: −0.25
    [InlineData("10", "atlantis", "false", -0.6875)]  // an unseen region is missing: right, −0.25
    [InlineData("10", "café", "true", -0.6875)]       // café not in the set: −0.25
    public void The_version_1_tree_file_predicts_what_it_always_did(string income, string region, string member, double expected)
    {
        var model = ModelFile.Load(Path.Combine(Fixtures, "v1-trees.mlmodel"));

        Assert.Equal([expected], Score(model, income, region, member));
    }

    // Scores worked out by hand from SmallModels.Linear: intercepts [0.25, 0, −0.25]; (income − 40) / 10 × [0.5, −0.25,
    // 0.125]; region code c adds [c + 1, −(c + 1) / 2, 0]; member has no term.
    [Theory]
    [InlineData("50", "south", "true", new[] { 2.75, -1.25, -0.125 })]
    [InlineData("", "", "", new[] { 0.25, 0, -0.25 })]
    [InlineData("20", "café", "false", new[] { 4.25, -2, -0.5 })]
    [InlineData("45", "atlantis", "", new[] { 0.5, -0.125, -0.1875 })]
    [InlineData("", "north", "", new[] { 1.25, -0.5, -0.25 })]
    public void The_version_1_linear_file_predicts_what_it_always_did(string income, string region, string member, double[] expected)
    {
        var model = ModelFile.Load(Path.Combine(Fixtures, "v1-linear.mlmodel"));

        Assert.Equal(expected, Score(model, income, region, member));
    }

    [Theory]
    [InlineData("v1-trees.mlmodel")]
    [InlineData("v1-linear.mlmodel")]
    public void The_version_1_files_keep_their_signature_and_metadata(string name)
    {
        var info = ModelFile.ReadInfo(Path.Combine(Fixtures, name));

        Assert.Equal(1, info.FormatVersion);
        Assert.Equal(["income", "region", "member"], info.Signature.Inputs.Select(input => input.Name));
        Assert.Equal(["north", "south", "east", "west", "café"], info.Signature.Inputs[1].Categories);
        Assert.Equal(7UL, info.Metadata.Seed);
        Assert.Equal("0.5", info.Metadata.Parameters["learning_rate"]);
    }

    [Theory]
    [InlineData("v1-trees.mlmodel")]
    [InlineData("v1-linear.mlmodel")]
    public void While_the_format_is_version_1_the_writer_writes_the_same_bytes(string name)
    {
        // A layout change must bump the format version; when it does, add v2 fixtures and delete this test (the
        // version 1 files stay, and the tests above keep checking that they load).
        Assert.Equal(1, ModelEnvelope.FormatVersion);
        var file = File.ReadAllBytes(Path.Combine(Fixtures, name));

        Assert.Equal(file, ModelFile.ToBytes(ModelFile.FromBytes(file)));
    }

    static double[] Score(TrainedModel model, params string[] values)
    {
        var features = new float[values.Length];
        for (var i = 0; i < values.Length; i++) Assert.True(model.Featurizer.TryFeaturize(i, values[i], out features[i]));
        var scores = new double[model.Predictor.ScoreCount];
        model.Predictor.Score(features, scores);
        return scores;
    }

    static string FindFixtures()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "MlopsBuild.sln")))
                return Path.Combine(directory.FullName, "tests", "MlopsBuild.Learning.Tests", "Persistence", "Fixtures");
        throw new InvalidOperationException($"No MlopsBuild.sln above {AppContext.BaseDirectory}.");
    }
}
