using System.Runtime.CompilerServices;

namespace MlopsBuild.Learning.Trees;

/// <summary>
/// Where a walk at a node writes the node's offset: its tree's slot, which ends up holding the tree's leaf. A type per
/// way of finding it, so that the walk is compiled for each.
/// </summary>
internal interface ITreeSlots
{
    /// <summary>Lane i's first slot is <see cref="LaneStride"/> × i slots on from lane 0's.</summary>
    static abstract int LaneStride { get; }

    /// <param name="laneSlot">The lane's first slot.</param>
    static abstract ref int SlotOf(ref int laneSlot, ref ScoringNode node, nuint offset);
}

/// <summary>The node says, in <see cref="ScoringNode.Record"/>: any layout, one lane's slots per lane.</summary>
internal struct RecordedSlots : ITreeSlots
{
    public static int LaneStride => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref int SlotOf(ref int laneSlot, ref ScoringNode node, nuint offset) => ref Unsafe.AddByteOffset(ref laneSlot, (uint)node.Record);
}

/// <summary>
/// Trees laid out one per region of <see cref="Units"/> (the parking node's first, then tree t's at t + 1): a node's
/// slot is its region, found from its offset with a shift rather than a load. Every lane shares the slots.
/// </summary>
internal struct RegionSlots : ITreeSlots
{
    const int Shift = 8;

    /// <summary>A region's length in offset units: 128 nodes, a tree of up to 64 leaves.</summary>
    public const int Units = 1 << Shift;

    public static int LaneStride => 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref int SlotOf(ref int laneSlot, ref ScoringNode node, nuint offset) => ref Unsafe.Add(ref laneSlot, offset >> Shift);
}
