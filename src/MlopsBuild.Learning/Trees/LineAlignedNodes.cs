using System.Runtime.InteropServices;

namespace MlopsBuild.Learning.Trees;

/// <summary>
/// <see cref="CompactNode"/>s whose first starts a 64-byte cache line, so that the lines a layout fills are the
/// processor's: the array is pinned, so the place found on a line's start stays there.
/// </summary>
internal readonly struct LineAlignedNodes
{
    /// <summary>The nodes a 64-byte cache line holds.</summary>
    public const int LineNodes = 64 / CompactNode.Size;

    readonly CompactNode[] array;
    readonly int origin;

    public LineAlignedNodes(CompactNode[] nodes)
    {
        array = GC.AllocateArray<CompactNode>(nodes.Length + LineNodes - 1, pinned: true);
        var misalignment = (int)(Marshal.UnsafeAddrOfPinnedArrayElement(array, 0) % (LineNodes * CompactNode.Size));
        origin = misalignment == 0 ? 0 : (LineNodes * CompactNode.Size - misalignment) / CompactNode.Size;
        nodes.CopyTo(array, origin);
    }

    /// <summary>The first node, which walks address the others from.</summary>
    public ref CompactNode First => ref array[origin];
}
