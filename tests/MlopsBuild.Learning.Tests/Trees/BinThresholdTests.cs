using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Trees;
using MlopsBuild.Learning.Trees.Boosting;

namespace MlopsBuild.Learning.Tests.Trees;

/// <summary>A trained tree sends every value where training's bin comparison sent it.</summary>
public class BinThresholdTests
{
    /// <summary>Awkward values: adjacent floats, heavy duplicates, many distinct values, extremes and missing.</summary>
    static float[] AwkwardColumn(int rows, ulong seed)
    {
        var numbers = new Problems.Numbers(seed);
        var values = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            values[i] = numbers.Below(6) switch
            {
                0 => 1f,
                1 => MathF.BitIncrement(1f),
                2 => float.NaN,
                3 => (float)numbers.Normal() * 1e6f,
                4 => numbers.Below(3) == 0 ? float.MaxValue : -float.MaxValue,
                _ => (float)numbers.Uniform(),
            };
        }
        return values;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(16)]
    [InlineData(255)]
    public void A_bin_and_its_upper_bound_agree_for_every_value(int maxBins)
    {
        var column = AwkwardColumn(20_000, seed: 31);
        var bins = BinBoundaries.Numeric(FeatureKind.Numeric, column, BinBoundaries.SampleRowIndices(column.Length), maxBins);

        Assert.InRange(bins.ValueBinCount, 2, maxBins);
        foreach (var value in column.Append(MathF.BitDecrement(1f)).Append(0.5f).Append(float.PositiveInfinity))
        {
            var bin = bins.Bin(value);
            if (float.IsNaN(value)) { Assert.Equal(bins.MissingBin, bin); continue; }
            for (var b = 0; b < bins.ValueBinCount - 1; b++)
                Assert.Equal(bin <= b, value <= bins.UpperBounds[b]);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(17)]
    [InlineData(255)]
    public void A_whole_column_is_binned_as_each_value_is(int maxBins)
    {
        var column = AwkwardColumn(20_000, seed: 32);
        var bins = BinBoundaries.Numeric(FeatureKind.Numeric, column, BinBoundaries.SampleRowIndices(column.Length), maxBins);
        // Each bound itself and its neighbours, on both sides of the block edges of the vector search.
        float[] values = [.. column, .. bins.UpperBounds.SelectMany(b => new[] { MathF.BitDecrement(b), b, MathF.BitIncrement(b) }), float.NegativeInfinity, -0f, 0f];

        Assert.Equal(values.Select(bins.Bin), bins.BinAll(values));
    }

    [Fact]
    public void Adjacent_floats_get_bins_of_their_own()
    {
        float[] column = [1f, MathF.BitIncrement(1f), 1f, MathF.BitIncrement(1f)];
        var bins = BinBoundaries.Numeric(FeatureKind.Numeric, column, [0, 1, 2, 3], maxBins: 255);

        Assert.Equal(2, bins.ValueBinCount);
        Assert.NotEqual(bins.Bin(column[0]), bins.Bin(column[1]));
    }

    [Fact]
    public void Every_training_row_reaches_the_same_leaf_through_the_trained_tree_as_through_its_bins()
    {
        var columns = Enumerable.Range(0, 3).Select(j => AwkwardColumn(6_000, seed: 40 + (ulong)j)).ToArray();
        var categories = new float[6_000];
        var numbers = new Problems.Numbers(44);
        for (var i = 0; i < categories.Length; i++) categories[i] = numbers.Below(5) == 0 ? float.NaN : numbers.Below(300);
        var labels = columns[0].Select((v, i) => (float)((v > 0.5f ? 1 : 0) ^ (float.IsNaN(columns[1][i]) ? 1 : 0) ^ (categories[i] % 3 == 0 ? 1 : 0))).ToArray();
        FeatureInfo[] features = [.. Problems.NumericFeatures(3), FeatureInfo.Categorical("c", Enumerable.Range(0, 300).Select(c => $"c{c}").ToArray())];
        var matrix = new FeatureMatrix(features, [.. columns, categories]);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 1 };
        var data = BinnedDataset.Create(matrix, maxBins: 32, parallel); // 300 categories share 32 bins
        var grower = new TreeGrower(data, new SplitRules(1, 5, 0), maxLeaves: 63, maxDepth: 0, parallel);
        var gradients = labels.Select(l => new GradientPair { Gradient = 0.5 - l, Hessian = 0.25 }).ToArray();

        var grown = grower.Grow(gradients, Enumerable.Range(0, labels.Length).ToArray(), [0, 1, 2, 3], learningRate: 1);
        var tree = grown.ToRegressionTree(data);

        Assert.True(tree.NodeCount > 20);
        Assert.Contains(tree.CategoryLength, length => length > 0);
        var row = new float[4];
        for (var i = 0; i < labels.Length; i++)
        {
            matrix.CopyRow(i, row);
            Assert.Equal(grown.LeafOf(data, i), tree.LeafIndex(row));
        }
        for (var leaf = 0; leaf < grown.LeafCount; leaf++)
            foreach (var i in grower.LeafRows(leaf)) Assert.Equal(leaf, grown.LeafOf(data, i));
    }
}
