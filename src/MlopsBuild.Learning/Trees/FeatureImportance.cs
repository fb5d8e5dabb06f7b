namespace MlopsBuild.Learning.Trees;

/// <summary>How much a tree ensemble relies on each feature.</summary>
public static class FeatureImportance
{
    /// <summary>Per feature: the summed loss reduction of the splits on it.</summary>
    public static double[] Gain(TreeEnsemble ensemble)
    {
        var gain = new double[ensemble.FeatureCount];
        foreach (var tree in ensemble.Trees)
            for (var n = 0; n < tree.NodeCount; n++) gain[tree.Feature[n]] += tree.Gain[n];
        return gain;
    }

    /// <summary>Per feature: how many splits use it.</summary>
    public static int[] SplitCount(TreeEnsemble ensemble)
    {
        var count = new int[ensemble.FeatureCount];
        foreach (var tree in ensemble.Trees)
            for (var n = 0; n < tree.NodeCount; n++) count[tree.Feature[n]]++;
        return count;
    }
}
