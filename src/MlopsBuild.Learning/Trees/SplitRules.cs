using System.Runtime.CompilerServices;

namespace MlopsBuild.Learning.Trees;

/// <summary>
/// Which way a feature's key goes at a node, as <see cref="RegressionTree.GoesLeft"/> says for its value: 1 for right,
/// 0 for left. A type per kind of forest and rows, so that the walk is compiled for each and the common one asks
/// nothing it need not. The answers are computed as numbers, not branched on: the JIT keeps a comparison it can see
/// as a branch, which the data mispredicts half the time.
/// </summary>
internal interface ISplitRule
{
    static abstract int GoesRight(ref ScoringNode node, int key, uint[] categoryBits);
}

/// <summary>No categorical split, no missing value: right when key &gt; threshold.</summary>
internal struct NumericSplitsNoneMissing : ISplitRule
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GoesRight(ref ScoringNode node, int key, uint[] categoryBits) => Bit(key > node.Threshold);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Bit(bool value) => Unsafe.BitCast<bool, byte>(value);
}

/// <summary>No categorical split: right when key &gt; threshold, except a missing key where missing goes left.</summary>
internal struct NumericSplits : ISplitRule
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GoesRight(ref ScoringNode node, int key, uint[] categoryBits) =>
        NumericSplitsNoneMissing.GoesRight(ref node, key, categoryBits)
        & ~(NumericSplitsNoneMissing.Bit(key == OrderedKey.Missing) & (node.Flags >> 30));
}

/// <summary>Any split: a categorical node looks the category up in its set; an unseen category goes as a missing one.</summary>
internal struct AnySplits : ISplitRule
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GoesRight(ref ScoringNode node, int key, uint[] categoryBits) =>
        (node.Flags & ScoringNode.CategoricalFlag) == 0 ? NumericSplits.GoesRight(ref node, key, categoryBits) : CategoryGoesRight(ref node, key, categoryBits);

    static int CategoryGoesRight(ref ScoringNode node, int key, uint[] categoryBits)
    {
        var defaultRight = (node.Flags & ScoringNode.DefaultLeftFlag) == 0 ? 1 : 0;
        var value = OrderedKey.ValueOf(key);
        if (float.IsNaN(value)) return defaultRight;
        var category = (int)value;
        if ((uint)category >= (uint)((node.Flags & ScoringNode.WordCountMask) * 32)) return defaultRight;
        return (categoryBits[node.Threshold + (category >> 5)] & (1u << (category & 31))) != 0 ? 0 : 1;
    }
}
