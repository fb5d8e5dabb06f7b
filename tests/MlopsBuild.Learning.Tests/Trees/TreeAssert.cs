using MlopsBuild.Learning.Trees;

namespace MlopsBuild.Learning.Tests.Trees;

/// <summary>Compares ensembles array by array, bit for bit.</summary>
internal static class TreeAssert
{
    public static void Identical(TreeEnsemble expected, TreeEnsemble actual) =>
        Assert.True(AreIdentical(expected, actual), "The ensembles differ.");

    public static bool AreIdentical(TreeEnsemble a, TreeEnsemble b)
    {
        if (!Bits(a.BaseScores).SequenceEqual(Bits(b.BaseScores)) || a.Trees.Count != b.Trees.Count) return false;
        for (var t = 0; t < a.Trees.Count; t++)
        {
            RegressionTree x = a.Trees[t], y = b.Trees[t];
            if (!x.Feature.SequenceEqual(y.Feature)
                || !x.Threshold.Select(BitConverter.SingleToInt32Bits).SequenceEqual(y.Threshold.Select(BitConverter.SingleToInt32Bits))
                || !x.DefaultLeft.SequenceEqual(y.DefaultLeft)
                || !x.Left.SequenceEqual(y.Left) || !x.Right.SequenceEqual(y.Right)
                || !x.CategoryStart.SequenceEqual(y.CategoryStart) || !x.CategoryLength.SequenceEqual(y.CategoryLength)
                || !x.CategoryBits.SequenceEqual(y.CategoryBits)
                || !Bits(x.Gain).SequenceEqual(Bits(y.Gain)) || !Bits(x.LeafValue).SequenceEqual(Bits(y.LeafValue)))
                return false;
        }
        return true;
    }

    static IEnumerable<long> Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits);
}
