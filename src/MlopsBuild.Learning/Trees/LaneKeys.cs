namespace MlopsBuild.Learning.Trees;

/// <summary>
/// Where a walk's lanes find their keys: lane i's are <see cref="LaneStride"/> × i keys on from lane 0's. A type per
/// layout, so that the walk is compiled for each with the stride a constant.
/// </summary>
internal interface ILaneKeys
{
    static abstract int LaneStride { get; }
}

/// <summary>A <see cref="RowGroup"/>: each lane its own row, the rows' keys side by side.</summary>
internal struct LaneKeys : ILaneKeys
{
    public static int LaneStride => 1;
}

/// <summary><see cref="RowKeys"/>: one row, which every lane reads.</summary>
internal struct SharedKeys : ILaneKeys
{
    public static int LaneStride => 0;
}
