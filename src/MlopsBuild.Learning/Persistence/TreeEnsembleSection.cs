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
        writer.WriteDoubles(ensemble.BaseScores);
        foreach (var tree in ensemble.Trees)
        {
            writer.WriteInt32(tree.NodeCount);
            writer.WriteInt32(tree.LeafCount);
            writer.WriteInt32(tree.CategoryBits.Length);
            writer.WriteInt32s(tree.Feature);
            writer.WriteSingles(tree.Threshold);
            writer.WriteBooleans(tree.DefaultLeft);
            writer.WriteInt32s(tree.Left);
            writer.WriteInt32s(tree.Right);
            writer.WriteInt32s(tree.CategoryStart);
            writer.WriteInt32s(tree.CategoryLength);
            writer.WriteUInt32s(tree.CategoryBits);
            writer.WriteDoubles(tree.Gain);
            writer.WriteDoubles(tree.LeafValue);
        }
    }

    public static TreeEnsemble Read(ref LittleEndianReader reader, ModelFileInfo info, IReadOnlyList<FeatureInfo> features)
    {
        var baseScores = reader.ReadDoubles(info.ScoreCount, "base scores");
        if (info.TreeCount > reader.Remaining / MinimumTreeBytes)
            throw new InvalidModelException("header predictor.trees", $"{info.TreeCount} trees cannot fit in the {reader.Remaining} bytes that remain");
        var trees = new RegressionTree[info.TreeCount];
        for (var t = 0; t < trees.Length; t++) trees[t] = ReadTree(ref reader, $"tree {t}");
        var ensemble = new TreeEnsemble(info.Task, features.Count, baseScores, trees);
        TreeChecks.Check(ensemble, features);
        return ensemble;
    }

    static RegressionTree ReadTree(ref LittleEndianReader reader, string tree)
    {
        var nodes = reader.ReadCount(BytesPerNode, $"{tree} node count");
        var leaves = reader.ReadCount(8, $"{tree} leaf count");
        var words = reader.ReadCount(4, $"{tree} category word count");
        return new RegressionTree(
            feature: reader.ReadInt32s(nodes, $"{tree} features"),
            threshold: reader.ReadSingles(nodes, $"{tree} thresholds"),
            defaultLeft: reader.ReadBooleans(nodes, $"{tree} default directions"),
            left: reader.ReadInt32s(nodes, $"{tree} left children"),
            right: reader.ReadInt32s(nodes, $"{tree} right children"),
            categoryStart: reader.ReadInt32s(nodes, $"{tree} category set starts"),
            categoryLength: reader.ReadInt32s(nodes, $"{tree} category set lengths"),
            categoryBits: reader.ReadUInt32s(words, $"{tree} category words"),
            gain: reader.ReadDoubles(nodes, $"{tree} gains"),
            leafValue: reader.ReadDoubles(leaves, $"{tree} leaf values"));
    }
}
