using MlopsBuild.Learning.Linear;
using MlopsBuild.Learning.Persistence;
using MlopsBuild.Learning.Trees;

namespace MlopsBuild.Learning.Tests.Persistence;

public sealed class RoundTripTests
{
    [Theory]
    [MemberData(nameof(TestModels.Names), MemberType = typeof(TestModels))]
    public void A_reloaded_model_scores_every_row_exactly_as_the_original(string name)
    {
        var original = TestModels.ByName(name);
        var reloaded = ModelFile.FromBytes(ModelFile.ToBytes(original));
        var rows = TestModels.RandomRows(original.Signature.Features(), 3000, seed: 42);

        var expected = TestModels.Scores(original, rows);
        var actual = TestModels.Scores(reloaded, rows);

        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
        Assert.True(expected.Distinct().Count() > 50, "the test model should give varied scores, or the comparison proves little");
        Assert.Contains(rows, row => row.Any(float.IsNaN));
    }

    [Theory]
    [MemberData(nameof(TestModels.Names), MemberType = typeof(TestModels))]
    public void The_same_model_gives_the_same_bytes_and_a_reloaded_model_saves_to_them_again(string name)
    {
        var bytes = ModelFile.ToBytes(TestModels.ByName(name));

        Assert.Equal(bytes, ModelFile.ToBytes(TestModels.ByName(name)));
        Assert.Equal(bytes, ModelFile.ToBytes(ModelFile.FromBytes(bytes)));
    }

    [Fact]
    public void Parameter_order_does_not_change_the_bytes()
    {
        var model = TestModels.BinaryTrees();
        var reversed = model.Metadata with { Parameters = model.Metadata.Parameters.Reverse().ToDictionary() };

        Assert.Equal(ModelFile.ToBytes(model), ModelFile.ToBytes(new TrainedModel(model.Signature, model.Predictor, reversed)));
    }

    [Theory]
    [MemberData(nameof(TestModels.Names), MemberType = typeof(TestModels))]
    public void Signature_and_metadata_survive_the_round_trip(string name)
    {
        var original = TestModels.ByName(name);
        var reloaded = ModelFile.FromBytes(ModelFile.ToBytes(original));

        Assert.Equal(original.Task, reloaded.Task);
        Assert.Equal(original.Signature.Label, reloaded.Signature.Label);
        Assert.Equal(original.Signature.LabelType, reloaded.Signature.LabelType);
        Assert.Equal(original.Signature.ClassNames, reloaded.Signature.ClassNames);
        Assert.Equal(original.Signature.Inputs.Select(Describe), reloaded.Signature.Inputs.Select(Describe));
        Assert.Equal(original.Metadata.Trainer, reloaded.Metadata.Trainer);
        Assert.Equal(original.Metadata.Parameters.OrderBy(p => p.Key), reloaded.Metadata.Parameters.OrderBy(p => p.Key));
        Assert.Equal(original.Metadata.Seed, reloaded.Metadata.Seed);
        Assert.Equal(original.Metadata.DataFingerprint, reloaded.Metadata.DataFingerprint);
        Assert.Equal(original.Metadata.TrainingRows, reloaded.Metadata.TrainingRows);
    }

    [Fact]
    public void Tree_arrays_survive_bit_for_bit()
    {
        var original = (TreeEnsemble)TestModels.MulticlassTrees().Predictor;
        var reloaded = (TreeEnsemble)ModelFile.FromBytes(ModelFile.ToBytes(TestModels.MulticlassTrees())).Predictor;

        Assert.Equal(original.BaseScores, reloaded.BaseScores);
        Assert.Equal(original.Trees.Count, reloaded.Trees.Count);
        for (var t = 0; t < original.Trees.Count; t++)
        {
            var (a, b) = (original.Trees[t], reloaded.Trees[t]);
            Assert.Equal(a.Feature, b.Feature);
            Assert.Equal(a.Threshold.Select(BitConverter.SingleToInt32Bits), b.Threshold.Select(BitConverter.SingleToInt32Bits));
            Assert.Equal(a.DefaultLeft, b.DefaultLeft);
            Assert.Equal(a.Left, b.Left);
            Assert.Equal(a.Right, b.Right);
            Assert.Equal(a.CategoryStart, b.CategoryStart);
            Assert.Equal(a.CategoryLength, b.CategoryLength);
            Assert.Equal(a.CategoryBits, b.CategoryBits);
            Assert.Equal(a.Gain, b.Gain);
            Assert.Equal(a.LeafValue, b.LeafValue);
        }
    }

    [Fact]
    public void Linear_terms_survive_bit_for_bit()
    {
        var original = (LinearModel)TestModels.MultinomialLinear().Predictor;
        var reloaded = (LinearModel)ModelFile.FromBytes(ModelFile.ToBytes(TestModels.MultinomialLinear())).Predictor;

        Assert.Equal(original.Intercepts, reloaded.Intercepts);
        Assert.Equal(original.Terms.Select(t => (t.Feature, t.Mean, t.Scale)), reloaded.Terms.Select(t => (t.Feature, t.Mean, t.Scale)));
        for (var i = 0; i < original.Terms.Count; i++) Assert.Equal(original.Terms[i].Weights, reloaded.Terms[i].Weights);
        Assert.Equal(original.Features.Select(Describe), reloaded.Features.Select(Describe));
    }

    [Fact]
    public void The_header_describes_the_model_without_building_it()
    {
        var model = TestModels.MulticlassTrees();

        var info = ModelFile.ReadInfo(ModelFile.ToBytes(model));

        Assert.Equal(1, info.FormatVersion);
        Assert.Equal(LearningTask.MulticlassClassification, info.Task);
        Assert.Equal(PredictorKind.TreeEnsemble, info.PredictorKind);
        Assert.Equal(3, info.ScoreCount);
        Assert.Equal(((TreeEnsemble)model.Predictor).Trees.Count, info.TreeCount);
        Assert.Equal(0, info.TermCount);
        Assert.Equal(["income", "shop", "member", "joined", "region", "visits"], info.Signature.Inputs.Select(input => input.Name));
        Assert.Equal("gbdt", info.Metadata.Trainer);
    }

    [Fact]
    public void The_featurizer_of_a_reloaded_model_codes_categories_as_the_original()
    {
        var reloaded = ModelFile.FromBytes(ModelFile.ToBytes(TestModels.BinaryLinear()));

        Assert.True(reloaded.Featurizer.TryFeaturize(4, "café", out var known));
        Assert.True(reloaded.Featurizer.TryFeaturize(4, "atlantis", out var unseen));

        Assert.Equal(4f, known);
        Assert.True(float.IsNaN(unseen));
    }

    static string Describe(Features.FeatureInfo feature) => $"{feature.Name}:{feature.Kind}:{string.Join("|", feature.Categories)}";

    static string Describe(Features.InputColumn input) => $"{input.Name}:{input.Type}:{string.Join("|", input.Categories)}";
}
