using System.Runtime.InteropServices;

namespace MlopsBuild.Learning.Trees;

/// <summary>A node of <see cref="CompactForest"/>, 8 bytes: its threshold's key, and its key's offset and left child's node in one word.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct CompactNode(int threshold, int keyOffset, int left)
{
    /// <summary>In bytes.</summary>
    public const int Size = 8;

    /// <summary>The bits of <see cref="Word"/> that hold the key offset.</summary>
    public const int KeyBits = 8;

    /// <summary>Key offsets are below this.</summary>
    public const int KeyLimit = 1 << KeyBits;

    /// <summary>Left children's nodes are below this.</summary>
    public const int LeftLimit = 1 << (32 - KeyBits);

    /// <summary>The <see cref="OrderedKey"/> of the threshold: a key at most this goes left.</summary>
    public readonly int Threshold = threshold;

    /// <summary>The left child's node above <see cref="KeyBits"/>, the key offset (<see cref="RowKeys.KeyOffset"/>) below.</summary>
    public readonly uint Word = (uint)left << KeyBits | (uint)keyOffset;
}
