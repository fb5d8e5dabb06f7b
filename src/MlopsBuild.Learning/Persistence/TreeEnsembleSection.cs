using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Trees;

namespace MlopsBuild.Learning.Persistence;

/// <summary>
/// A tree ensemble's binary section: the base scores (f64 × score count), then per tree its node count, leaf count
/// and category word count (i32 each) followed by its arrays: feature (i32), threshold (f32), default-left (u8 0/1),
/// left and right (i32), category start and length (i32), category words (u32), gain (f64), leaf values (f64).
/// </summary>
internal static class TreeEnsembleSection
{
    /// <summary>The smallest tree: three counts and one leaf value.</summary>
    const int MinimumTreeBytes = 3 * 4 + 8;
    const int BytesPerNode = 4 + 4 + 1 + 4 + 4 + 4 + 4 + 8;

    public static void Write(LittleEndianWriter writer, TreeEnsemble ensemble)
    {
        writer.WriteArray<double>(ensemble.BaseScores);
        foreach (var tree in ensemble.Trees)
        {
            writer.WriteInt32(tree.NodeCount);
            writer.WriteInt32(tree.LeafCount);
            writer.WriteInt32(tree.CategoryBits.Length);
            writer.WriteArray<int>(tree.Feature);
            writer.WriteArray<float>(tree.Threshold);
            writer.WriteBooleans(tree.DefaultLeft);
            writer.WriteArray<int>(tree.Left);
            writer.WriteArray<int>(tree.Right);
            writer.WriteArray<int>(tree.CategoryStart);
            writer.WriteArray<int>(tree.CategoryLength);
            writer.WriteArray<uint>(tree.CategoryBits);
            writer.WriteArray<double>(tree.Gain);
            writer.WriteArray<double>(tree.LeafValue);
        }
    }

    public static TreeEnsemble Read(ref LittleEndianReader reader, ModelFileInfo info, IReadOnlyList<FeatureInfo> features)
    {
        var baseScores = reader.ReadArray<double>(info.ScoreCount, "base scores");
        if (info.TreeCount > reader.Remaining / MinimumTreeBytes)
            throw new InvalidModelException("header predictor.trees", $"{info.TreeCount} trees cannot fit in the {reader.Remaining} bytes that remain");
        var trees = new RegressionTree[info.TreeCount];
        for (var t = 0; t < trees.Length; t++) trees[t] = ReadTree(ref reader, $"tree {t}");
        TreeChecks.Check(baseScores, trees, features);
        return new TreeEnsemble(info.Task, features.Count, baseScores, trees);
    }

    static RegressionTree ReadTree(ref LittleEndianReader reader, string tree)
    {
        var nodes = reader.ReadCount(BytesPerNode, $"{tree} node count");
        var leaves = reader.ReadCount(8, $"{tree} leaf count");
        var words = reader.ReadCount(4, $"{tree} category word count");
        return new RegressionTree(
            feature: reader.ReadArray<int>(nodes, $"{tree} features"),
            threshold: reader.ReadArray<float>(nodes, $"{tree} thresholds"),
            defaultLeft: reader.ReadBooleans(nodes, $"{tree} default directions"),
            left: reader.ReadArray<int>(nodes, $"{tree} left children"),
            right: reader.ReadArray<int>(nodes, $"{tree} right children"),
            categoryStart: reader.ReadArray<int>(nodes, $"{tree} category set starts"),
            categoryLength: reader.ReadArray<int>(nodes, $"{tree} category set lengths"),
            categoryBits: reader.ReadArray<uint>(words, $"{tree} category words"),
            gain: reader.ReadArray<double>(nodes, $"{tree} gains"),
            leafValue: reader.ReadArray<double>(leaves, $"{tree} leaf values"));
    }
}
