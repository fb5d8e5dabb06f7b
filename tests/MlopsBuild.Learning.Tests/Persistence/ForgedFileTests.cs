using System.Buffers.Binary;
using System.Security.Cryptography;
using MlopsBuild.Learning.Linear;
using MlopsBuild.Learning.Persistence;
using MlopsBuild.Learning.Trees;

namespace MlopsBuild.Learning.Tests.Persistence;

/// <summary>
/// Files with a valid checksum (hand-crafted, or written by a buggy writer) that break a rule: each must fail to load
/// with a <see cref="ModelFormatException"/> that says what is wrong and where.
/// </summary>
public sealed class ForgedFileTests
{
    static readonly Dictionary<string, (Func<byte[]> Forge, string Location, string Problem)> Cases = new()
    {
        // Tree structure.
        ["child out of range"] = (() => ForgeTree(tree => tree.Left[1] = 7), "tree 0, node 1", "left child 7 is out of range (3 internal nodes)"),
        ["leaf out of range"] = (() => ForgeTree(tree => tree.Right[2] = ~9), "tree 0, node 2", "right child is leaf 9, out of range (4 leaves)"),
        ["cycle through the root"] = (() => ForgeTree(tree => tree.Left[2] = 0), "tree 0, node 2", "left child 0 is reached twice (a cycle or a shared subtree)"),
        ["shared subtree"] = (() => ForgeTree(tree => tree.Left[2] = 1), "tree 0, node 2", "left child 1 is reached twice"),
        ["leaf used twice"] = (() => ForgeTree(tree => tree.Left[2] = ~0), "tree 0, node 1", "left child is leaf 0, which is reached twice"),
        ["cycle away from the root"] = (() => SmallModels.Unchecked(SmallModels.WithTrees(new RegressionTree(
            [0, 0, 0], [1, 2, 3], [true, true, true], [~0, 2, 1], [~1, ~2, ~3], [0, 0, 0], [0, 0, 0], [], [1, 1, 1], [1, 2, 3, 4]))),
            "tree 0, node 1", "the node cannot be reached from the root"),
        ["leaf count"] = (() => SmallModels.Unchecked(SmallModels.WithTrees(new RegressionTree([0], [1], [true], [~0], [~1], [0], [0], [], [1], [1, 2, 3]))),
            "tree 0", "3 leaves for 1 internal nodes; a binary tree has 2"),
        // Tree values.
        ["feature index out of range"] = (() => ForgeTree(tree => tree.Feature[0] = 3), "tree 0, node 0", "feature index 3 is out of range (3 features)"),
        ["negative feature index"] = (() => ForgeTree(tree => tree.Feature[2] = -1), "tree 0, node 2", "feature index -1 is out of range"),
        ["NaN threshold"] = (() => ForgeTree(tree => tree.Threshold[0] = float.NaN), "tree 0, node 0", "the threshold is NaN"),
        ["category set outside the words"] = (() => ForgeTree(tree => tree.CategoryStart[1] = 1), "tree 0, node 1", "the category set (words 1 to 1) is outside the 1 category words"),
        ["negative category start"] = (() => ForgeTree(tree => tree.CategoryStart[1] = -1), "tree 0, node 1", "the category set (words -1 to -1) is outside"),
        ["category set longer than the categories"] = (() => SmallModels.Unchecked(SmallModels.WithTrees(new RegressionTree(
            [1], [0], [true], [~0], [~1], [0], [2], [1, 0], [1], [1, 2]))), "tree 0, node 0", "the category set has 2 words, but feature 'region' has 5 categories (1 words)"),
        ["category set on a number"] = (() => ForgeTree(tree => tree.CategoryLength[0] = 1), "tree 0, node 0", "a category set on Numeric feature 'income'"),
        ["negative category length"] = (() => ForgeTree(tree => tree.CategoryLength[0] = -1), "tree 0, node 0", "the category set length -1 is negative"),
        ["NaN leaf"] = (() => ForgeTree(tree => tree.LeafValue[3] = double.NaN), "tree 0, leaf 3", "the leaf value is NaN, not a finite number"),
        ["infinite leaf"] = (() => ForgeTree(tree => tree.LeafValue[0] = double.PositiveInfinity), "tree 0, leaf 0", "not a finite number"),
        ["infinite gain"] = (() => ForgeTree(tree => tree.Gain[1] = double.NegativeInfinity), "tree 0, node 1", "the gain is -Infinity, not a finite number"),
        ["NaN base score"] = (() => SmallModels.Unchecked(new TrainedModel(SmallModels.Signature,
            new TreeEnsemble(LearningTask.BinaryClassification, 3, [double.NaN], [SmallModels.SplitTree()]), SmallModels.Metadata)),
            "tree ensemble", "base score 0 is NaN"),
        // Linear models.
        ["term feature out of range"] = (() => ForgeTerms([0, 0, 0], new LinearTerm(5, 0, 1, [1, 1, 1])), "linear term 0", "feature index 5 is out of range (3 features)"),
        ["two terms on a feature"] = (() => ForgeTerms([0, 0, 0], new LinearTerm(0, 0, 1, [1, 1, 1]), new LinearTerm(0, 0, 1, [1, 1, 1])), "linear term 1", "feature 0 already has a term"),
        ["categorical weights"] = (() => ForgeTerms([0, 0, 0], new LinearTerm(1, 0, 1, [1, 1, 1])), "linear term 0", "3 weights, but Categorical feature 'region' needs 15"),
        ["numeric weights"] = (() => ForgeTerms([0, 0, 0], new LinearTerm(0, 0, 1, [1])), "linear term 0", "1 weights, but Numeric feature 'income' needs 3"),
        ["zero scale"] = (() => ForgeTerms([0, 0, 0], new LinearTerm(0, 0, 0, [1, 1, 1])), "linear term 0", "the scale is 0, not a finite number > 0"),
        ["infinite mean"] = (() => ForgeTerms([0, 0, 0], new LinearTerm(2, double.PositiveInfinity, 1, [1, 1, 1])), "linear term 0", "the mean is Infinity, not a finite number"),
        ["NaN weight"] = (() => ForgeTerms([0, 0, 0], new LinearTerm(0, 0, 1, [1, double.NaN, 1])), "linear term 0", "weight 1 is NaN"),
        ["NaN intercept"] = (() => ForgeTerms([0, double.NaN, 0]), "linear model", "intercept 1 is NaN"),
        // Header.
        ["text input"] = (() => ForgeHeader("\"type\":\"boolean\"", "\"type\":\"text\""), "header signature.inputs[2]", "input 'member' has type Text, which cannot be a model input"),
        ["unknown type"] = (() => ForgeHeader("\"type\":\"boolean\"", "\"type\":\"Boolean\""), "header signature.inputs[2].type", "'Boolean' is not one of numeric, integer, categorical, boolean, text, datetime"),
        ["duplicate category"] = (() => ForgeHeader("\"east\"", "\"north\""), "header signature.inputs[1].categories", "input 'region' category 'north' is given twice"),
        ["duplicate input"] = (() => ForgeHeader("\"member\"", "\"income\""), "header signature.inputs[2]", "input 'income' is given twice"),
        ["score count"] = (() => ForgeHeader("\"score_count\":1", "\"score_count\":2"), "header predictor.score_count", "2 scores, but a BinaryClassification model with 2 class names has 1"),
        ["class names"] = (() => ForgeHeader("[\"no\",\"yes\"]", "[\"no\",\"yes\",\"maybe\"]"), "header signature.class_names", "3 class names, but BinaryClassification has 2 class names"),
        ["duplicate class"] = (() => ForgeHeader("[\"no\",\"yes\"]", "[\"no\",\"no\"]"), "header signature.class_names", "class name 'no' is given twice"),
        ["unknown predictor"] = (() => ForgeHeader("\"tree_ensemble\"", "\"neural_network\""), "header predictor.kind", "'neural_network' is not one of tree_ensemble, linear"),
        ["unknown task"] = (() => ForgeHeader("\"binary_classification\"", "\"BinaryClassification\""), "header task", "'BinaryClassification' is not one of"),
        ["missing key"] = (() => ForgeHeader("\"label\":\"approved\",", ""), "header signature", "'label' is missing"),
        ["wrong value kind"] = (() => ForgeHeader("\"seed\":7", "\"seed\":\"7\""), "header training.seed", "expected a number, found a string"),
        ["negative seed"] = (() => ForgeHeader("\"seed\":7", "\"seed\":-7"), "header training.seed", "not a whole number from 0 to 2^64 - 1"),
        ["negative rows"] = (() => ForgeHeader("\"training_rows\":1000", "\"training_rows\":-1"), "header training.training_rows", "not a whole number ≥ 0"),
        ["duplicate parameter"] = (() => ForgeHeader("{\"learning_rate\":\"0.5\"}", "{\"learning_rate\":\"0.5\",\"learning_rate\":\"0.1\"}"), "header training.parameters.learning_rate", "the parameter is given twice"),
        ["not JSON"] = (() => ForgeHeader("{\"task\"", "{task"), "header", "not valid JSON"),
        ["too deep"] = (() => ForgeHeader("\"learning_rate\":\"0.5\"", "\"learning_rate\":[[[[[[[[[[\"0.5\"]]]]]]]]]]"), "header", "not valid JSON"),
        ["invalid UTF-8"] = (() => ForgeHeaderBytes(header => header[header.AsSpan().IndexOf("north"u8)] = 0xFF), "header", "(0xFF) is not valid UTF-8"),
        ["invalid UTF-8 in a name"] = (() => ForgeHeaderBytes(header => header[header.AsSpan().IndexOf("learning_rate"u8)] = 0xBD), "header", "(0xBD) is not valid UTF-8"),
        ["half a surrogate pair"] = (() => ForgeHeader("\"north\"", "\"\\ud800\""), "header", "escapes half of a surrogate pair"),
        ["huge tree count"] = (() => ForgeHeader("\"trees\":2", "\"trees\":2000000000"), "header predictor.trees", "2000000000 trees cannot fit in the"),
        ["trees not dividing into scores"] = (() => SmallModels.Unchecked(SmallModels.Linear(), header => header
            .Replace("\"linear\",\"score_count\":3,\"terms\":2", "\"tree_ensemble\",\"score_count\":3,\"trees\":4")), "header predictor.trees", "4 trees do not divide into 3 scores"),
        // Binary section.
        ["huge node count"] = (() => ForgeBody(body => BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(8), int.MaxValue)), "byte", "tree 0 node count is 2147483647, but only"),
        ["negative leaf count"] = (() => ForgeBody(body => BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(12), -1)), "byte", "tree 0 leaf count is -1, a negative count"),
        ["huge weight count"] = (() => ForgeBytes(SmallModels.Body(SmallModels.Linear()), body => BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(24 + 20), 1 << 30), SmallModels.Linear()),
            "byte", "linear term 0 weight count is 1073741824, but only"),
        ["default direction byte"] = (() => ForgeBody(body => body[8 + 12 + 3 * 4 + 3 * 4 + 1] = 2), "byte", "tree 0 default directions[1] is 2, not 0 or 1"),
        ["trailing bytes"] = (() => ForgeBody(body => { }, extraBytes: 3), "byte", "3 unexpected bytes after the predictor"),
        ["missing bytes"] = (() => ForgeBody(body => { }, extraBytes: -8), "byte", "tree 1 leaf count is 1, but only 4 bytes remain for its 8-byte values"),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_file_breaking_a_rule_fails_with_where_and_what(string name)
    {
        var (forge, location, problem) = Cases[name];

        var error = Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes(forge(), "forged.mlmodel"));

        Assert.StartsWith(location, error.Location);
        Assert.Contains(problem, error.Problem);
        Assert.StartsWith("forged.mlmodel: ", error.Message);
        Assert.EndsWith("Retrain or re-download the model file.", error.Message);
    }

    [Fact]
    public void Categories_listed_for_a_non_categorical_input_are_ignored()
    {
        var forged = ForgeHeader("\"type\":\"boolean\"", "\"type\":\"boolean\",\"categories\":[\"x\"]");

        var model = ModelFile.FromBytes(forged);

        Assert.Empty(model.Signature.Inputs[2].Categories);
    }

    [Fact]
    public void The_unforged_small_files_load()
    {
        // The forgeries start from these: they must be valid, or every case above fails for the wrong reason.
        Assert.Equal(ModelFile.ToBytes(SmallModels.Trees()), SmallModels.Unchecked(SmallModels.Trees()));
        Assert.Equal(ModelFile.ToBytes(SmallModels.Linear()), SmallModels.Unchecked(SmallModels.Linear()));
    }

    [Fact]
    public void A_forged_header_length_is_refused_before_it_is_used()
    {
        var file = ModelFile.ToBytes(SmallModels.Trees());
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(10), int.MaxValue);
        SHA256.HashData(file.AsSpan(..^32), file.AsSpan(^32));

        var error = Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes(file));

        Assert.Equal("byte 10", error.Location);
        Assert.Contains("header length is 2147483647, but only", error.Problem);
    }

    [Fact]
    public void A_model_that_breaks_a_rule_cannot_be_saved()
    {
        var tree = SmallModels.SplitTree();
        tree.Left[1] = 7;

        var error = Assert.Throws<ArgumentException>(() => ModelFile.ToBytes(SmallModels.WithTrees(tree)));

        Assert.StartsWith("The model cannot be saved: tree 0, node 1: left child 7 is out of range (3 internal nodes).", error.Message);
    }

    static byte[] ForgeTree(Action<RegressionTree> change)
    {
        var tree = SmallModels.SplitTree();
        change(tree);
        return SmallModels.Unchecked(SmallModels.WithTrees(tree, SmallModels.LeafTree(0.0625)));
    }

    static byte[] ForgeTerms(double[] intercepts, params LinearTerm[] terms) => SmallModels.Unchecked(SmallModels.WithTerms(intercepts, terms));

    static byte[] ForgeHeader(string find, string replacement, TrainedModel? model = null) =>
        SmallModels.Unchecked(model ?? SmallModels.Trees(), header =>
            header.Contains(find) ? header.Replace(find, replacement) : throw new InvalidOperationException($"'{find}' is not in the header {header}"));

    static byte[] ForgeHeaderBytes(Action<byte[]> change)
    {
        var model = SmallModels.Trees();
        var header = HeaderOf(model);
        change(header);
        return ModelEnvelope.Write(header, SmallModels.Body(model));
    }

    static byte[] ForgeBody(Action<byte[]> change, int extraBytes = 0) => ForgeBytes(SmallModels.Body(SmallModels.Trees()), change, SmallModels.Trees(), extraBytes);

    static byte[] ForgeBytes(byte[] body, Action<byte[]> change, TrainedModel model, int extraBytes = 0)
    {
        change(body);
        var resized = new byte[body.Length + extraBytes];
        body.AsSpan(..Math.Min(body.Length, resized.Length)).CopyTo(resized);
        return ModelEnvelope.Write(HeaderOf(model), resized);
    }

    static byte[] HeaderOf(TrainedModel model)
    {
        var file = ModelFile.ToBytes(model);
        return file.AsSpan(14, BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(10))).ToArray();
    }
}
