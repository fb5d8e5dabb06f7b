using System.Runtime.InteropServices;

namespace MlopsBuild.Learning.Trees;

/// <summary>
/// A node of <see cref="CompiledForest"/>, 16 bytes. A walk at this node writes the node's offset to its tree's slot
/// (<see cref="Record"/>, or <see cref="RegionSlots"/>), reads the key at <see cref="KeyOffset"/> and steps to <see cref="Left"/>, or to the node after
/// it when the key goes right.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ScoringNode
{
    /// <summary>
    /// A node's length in the 8-byte units that node offsets count (16 bytes): a walk finds a node at base + offset × 8,
    /// an address the processor forms in the load itself.
    /// </summary>
    public const int Width = 2;

    /// <summary>Where the node's feature is in the keys the walk reads (<see cref="RowGroup.KeyOffset"/>, <see cref="RowKeys.KeyOffset"/>).</summary>
    public int KeyOffset;

    /// <summary>
    /// Numeric nodes: the <see cref="OrderedKey"/> of the threshold (a key at most this goes left). Categorical nodes:
    /// where the category set starts in the forest's category words.
    /// </summary>
    public int Threshold;

    /// <summary>The left child's offset in the node array; the right child is the next node.</summary>
    public int Left;

    /// <summary>
    /// Where the walk writes the node's offset, in bytes from its lane's first slot: the slot of the node's tree,
    /// which a walk leaves holding the tree's leaf, since that is the tree's last node it visits. (Unread by a walk
    /// that finds the slot by region.)
    /// </summary>
    public int Record;
}
