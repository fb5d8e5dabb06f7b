using System.Runtime.InteropServices;

namespace MlopsBuild.Learning.Trees;

/// <summary>
/// A node of <see cref="CompactForest"/>, 8 bytes: its threshold's key, and in one word its key's offset, whether it is
/// a leaf (of the tree whose region it is in: a leaf is a copy of a root, or an unsplit tree's only node) and its left
/// child's node.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct CompactNode
{
    /// <summary>In bytes.</summary>
    public const int Size = 8;

    /// <summary>The bits of <see cref="Word"/> that hold the key offset.</summary>
    public const int KeyBits = 8;

    /// <summary>Key offsets are below this.</summary>
    public const int KeyLimit = 1 << KeyBits;

    /// <summary>The bit of <see cref="Word"/> that is 1 for a leaf, after the key offset.</summary>
    public const int LeafBit = KeyBits;

    /// <summary>Where in <see cref="Word"/> the left child's node starts, after the leaf bit.</summary>
    public const int LeftShift = LeafBit + 1;

    /// <summary>Left children's nodes are below this.</summary>
    public const int LeftLimit = 1 << (32 - LeftShift);

    public CompactNode(int threshold, int keyOffset, int left)
        : this(threshold, (uint)left << LeftShift | (uint)keyOffset) { }

    CompactNode(int threshold, uint word)
    {
        Threshold = threshold;
        Word = word;
    }

    /// <summary>The <see cref="OrderedKey"/> of the threshold: a key at most this goes left.</summary>
    public readonly int Threshold;

    /// <summary>
    /// The left child's node from <see cref="LeftShift"/> on, the <see cref="LeafBit"/>, and the key offset
    /// (<see cref="RowKeys.KeyOffset"/>) in the low <see cref="KeyBits"/>.
    /// </summary>
    public readonly uint Word;

    /// <summary>The same node marked as a leaf.</summary>
    public CompactNode AsLeaf() => new(Threshold, Word | 1u << LeafBit);
}
