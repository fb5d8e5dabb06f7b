using System.Runtime.InteropServices;

namespace MlopsBuild.Learning.Trees;

/// <summary>
/// A node of <see cref="CompiledForest"/>, 16 bytes. A leaf is a node that steps to itself whatever the value: its
/// threshold is <see cref="OrderedKey.Missing"/>, which every key is at most, and its left child is itself.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ScoringNode
{
    public const int Size = 16;
    public const int LeafFlag = 1 << 31;
    public const int DefaultLeftFlag = 1 << 30;
    public const int CategoricalFlag = 1 << 29;
    /// <summary>Categorical nodes: the bits of <see cref="Flags"/> that hold how many words the category set has.</summary>
    public const int WordCountMask = CategoricalFlag - 1;

    /// <summary>Where the node's feature is in a row group: the feature index × <see cref="RowGroup.Lanes"/>.</summary>
    public int KeyOffset;

    /// <summary>
    /// Numeric nodes: the <see cref="OrderedKey"/> of the threshold (a key at most this goes left). Categorical nodes:
    /// where the category set starts in the forest's category words.
    /// </summary>
    public int Threshold;

    /// <summary>The left child's byte offset in the node array; the right child is the next node.</summary>
    public int Left;

    /// <summary><see cref="LeafFlag"/>, <see cref="DefaultLeftFlag"/>, <see cref="CategoricalFlag"/> and the category set's word count.</summary>
    public int Flags;
}
