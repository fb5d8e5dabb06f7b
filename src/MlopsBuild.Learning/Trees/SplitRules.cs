using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MlopsBuild.Learning.Trees;

/// <summary>
/// Which way a feature's key goes at a node, as <see cref="RegressionTree.GoesLeft"/> says for its value: 1 for right,
/// 0 for left. A type per kind of forest, so that the walk is compiled for each and the common one asks nothing it need
/// not. The answers are computed as numbers, not branched on: the JIT keeps a comparison it can see as a branch, which
/// the data mispredicts half the time.
/// </summary>
internal interface ISplitRule
{
    /// <param name="offset">The node's offset, which finds its entry in <paramref name="categories"/>.</param>
    static abstract int GoesRight(ref ScoringNode node, int offset, int key, CategorySplits categories);
}

/// <summary>No categorical split: right when key &gt; threshold (missing values included: see <see cref="RowGroup"/>).</summary>
internal struct NumericSplits : ISplitRule
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GoesRight(ref ScoringNode node, int offset, int key, CategorySplits categories) => Unsafe.BitCast<bool, byte>(key > node.Threshold);
}

/// <summary>Any split: a categorical node looks the category up in its set; an unseen category goes as a missing one.</summary>
internal struct AnySplits : ISplitRule
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GoesRight(ref ScoringNode node, int offset, int key, CategorySplits categories)
    {
        var kind = categories.KindAt(offset);
        return kind == 0 ? NumericSplits.GoesRight(ref node, offset, key, categories) : CategoryGoesRight(node.Threshold, kind, key, categories.Words);
    }

    static int CategoryGoesRight(int start, int kind, int key, uint[] words)
    {
        var defaultRight = (kind & CategorySplits.DefaultLeftFlag) == 0 ? 1 : 0;
        var value = OrderedKey.ValueOf(key);
        if (float.IsNaN(value)) return defaultRight;
        var category = (int)value;
        if ((uint)category >= (uint)((kind & ~CategorySplits.DefaultLeftFlag) * 32)) return defaultRight;
        return (words[start + (category >> 5)] & (1u << (category & 31))) != 0 ? 0 : 1;
    }
}

/// <summary>
/// The categorical side of a forest's nodes: per node (as the node array), 0 for a numeric node, else the category
/// set's word count with <see cref="DefaultLeftFlag"/> when missing values go left; and the sets' words.
/// </summary>
internal readonly struct CategorySplits(int[] kinds, uint[] words)
{
    public const int DefaultLeftFlag = 1 << 30;

    public uint[] Words { get; } = words;

    /// <summary>The kind of the node at offset <paramref name="offset"/> (see <see cref="ScoringNode.Width"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int KindAt(int offset) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(kinds), (uint)offset / ScoringNode.Width);
}
