using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Trees;

namespace MlopsBuild.Learning.Persistence;

/// <summary>
/// What makes a tree ensemble safe to score: every index in range, every number finite, and each tree a real tree
/// (every node and leaf reached exactly once from the root), so scoring can neither fail nor loop nor give NaN.
/// </summary>
internal static class TreeChecks
{
    /// <summary>Checks the parts of an ensemble before it is built (building one compiles its trees for scoring).</summary>
    public static void Check(double[] baseScores, IReadOnlyList<RegressionTree> trees, IReadOnlyList<FeatureInfo> features)
    {
        for (var k = 0; k < baseScores.Length; k++)
            if (!double.IsFinite(baseScores[k]))
                throw new InvalidModelException("tree ensemble", $"base score {k} is {baseScores[k]}, not a finite number");
        for (var t = 0; t < trees.Count; t++) Check(trees[t], $"tree {t}", features);
    }

    static void Check(RegressionTree tree, string location, IReadOnlyList<FeatureInfo> features)
    {
        var nodes = tree.NodeCount;
        int[] perNode = [tree.Threshold.Length, tree.DefaultLeft.Length, tree.Left.Length, tree.Right.Length,
            tree.CategoryStart.Length, tree.CategoryLength.Length, tree.Gain.Length];
        if (perNode.Any(length => length != nodes))
            throw new InvalidModelException(location, $"its per-node arrays have lengths {string.Join(", ", perNode)}, not all {nodes}");
        if (tree.LeafCount != nodes + 1)
            throw new InvalidModelException(location, $"{tree.LeafCount} leaves for {nodes} internal nodes; a binary tree has {nodes + 1}");
        for (var node = 0; node < nodes; node++) CheckNode(tree, node, location, features);
        for (var leaf = 0; leaf < tree.LeafCount; leaf++)
            if (!double.IsFinite(tree.LeafValue[leaf]))
                throw new InvalidModelException($"{location}, leaf {leaf}", $"the leaf value is {tree.LeafValue[leaf]}, not a finite number");
        CheckShape(tree, location);
    }

    static void CheckNode(RegressionTree tree, int node, string treeLocation, IReadOnlyList<FeatureInfo> features)
    {
        string Location() => $"{treeLocation}, node {node}";
        var feature = tree.Feature[node];
        if ((uint)feature >= (uint)features.Count)
            throw new InvalidModelException(Location(), $"feature index {feature} is out of range ({features.Count} features)");
        if (!double.IsFinite(tree.Gain[node]))
            throw new InvalidModelException(Location(), $"the gain is {tree.Gain[node]}, not a finite number");
        var words = tree.CategoryLength[node];
        if (words < 0) throw new InvalidModelException(Location(), $"the category set length {words} is negative");
        if (words == 0)
        {
            if (float.IsNaN(tree.Threshold[node])) throw new InvalidModelException(Location(), "the threshold is NaN");
            return;
        }
        var info = features[feature];
        if (info.Kind != FeatureKind.Categorical)
            throw new InvalidModelException(Location(), $"a category set on {info.Kind} feature '{info.Name}'");
        var start = tree.CategoryStart[node];
        if (start < 0 || (long)start + words > tree.CategoryBits.Length)
            throw new InvalidModelException(Location(), $"the category set (words {start} to {(long)start + words - 1}) is outside the {tree.CategoryBits.Length} category words");
        var needed = (info.CategoryCount + 31) / 32;
        if (words > needed)
            throw new InvalidModelException(Location(), $"the category set has {words} words, but feature '{info.Name}' has {info.CategoryCount} categories ({needed} words)");
    }

    /// <summary>
    /// Walks from the root: a child out of range, a node or leaf reached twice (a cycle or a shared subtree), or a node
    /// never reached fails. With every node reached once, the 2 × nodes child references reach all nodes + 1 leaves.
    /// </summary>
    static void CheckShape(RegressionTree tree, string location)
    {
        var nodes = tree.NodeCount;
        if (nodes == 0) return;
        var nodeReached = new bool[nodes];
        var leafReached = new bool[tree.LeafCount];
        var pending = new Stack<int>();
        nodeReached[0] = true;
        pending.Push(0);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            Reach(node, tree.Left[node], "left");
            Reach(node, tree.Right[node], "right");
        }
        var unreached = Array.IndexOf(nodeReached, false);
        if (unreached >= 0) throw new InvalidModelException($"{location}, node {unreached}", "the node cannot be reached from the root");

        void Reach(int node, int child, string side)
        {
            if (child >= 0)
            {
                if (child >= nodes) throw new InvalidModelException($"{location}, node {node}", $"{side} child {child} is out of range ({nodes} internal nodes)");
                if (nodeReached[child]) throw new InvalidModelException($"{location}, node {node}", $"{side} child {child} is reached twice (a cycle or a shared subtree)");
                nodeReached[child] = true;
                pending.Push(child);
                return;
            }
            var leaf = ~child;
            if (leaf >= leafReached.Length) throw new InvalidModelException($"{location}, node {node}", $"{side} child is leaf {leaf}, out of range ({leafReached.Length} leaves)");
            if (leafReached[leaf]) throw new InvalidModelException($"{location}, node {node}", $"{side} child is leaf {leaf}, which is reached twice");
            leafReached[leaf] = true;
        }
    }
}
