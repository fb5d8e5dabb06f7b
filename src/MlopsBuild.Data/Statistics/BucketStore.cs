using System.Runtime.CompilerServices;

namespace MlopsBuild.Data.Statistics;

/// <summary>
/// Counts per bucket index, in a window of at most <see cref="MaxBuckets"/> consecutive buckets (16 KB). When the indices
/// in use span more, the lowest are folded into the lowest bucket that still fits (DDSketch's "collapsing lowest" store).
/// A count always ends up at max(index, highest index − MaxBuckets + 1): that depends on the values only, not on their
/// order or on how partial stores were merged.
/// </summary>
internal sealed class BucketStore
{
    internal const int MaxBuckets = 2048;
    const int Slack = 64;

    long[] _counts = [];
    int _offset; // bucket index of _counts[0]; the window always holds every non-empty bucket

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int index, long count)
    {
        var slot = index - _offset;
        if ((uint)slot < (uint)_counts.Length) _counts[slot] += count;
        else AddOutsideWindow(index, count);
    }

    public void Merge(BucketStore other)
    {
        foreach (var (index, count) in other.Ascending()) Add(index, count);
    }

    /// <summary>Non-empty buckets by increasing index.</summary>
    public IEnumerable<(int Index, long Count)> Ascending()
    {
        for (var slot = 0; slot < _counts.Length; slot++)
            if (_counts[slot] != 0) yield return (_offset + slot, _counts[slot]);
    }

    /// <summary>Non-empty buckets by decreasing index.</summary>
    public IEnumerable<(int Index, long Count)> Descending()
    {
        for (var slot = _counts.Length - 1; slot >= 0; slot--)
            if (_counts[slot] != 0) yield return (_offset + slot, _counts[slot]);
    }

    void AddOutsideWindow(int index, long count)
    {
        var (used, low, high) = UsedRange();
        if (!used) (low, high) = (index, index);
        var newLow = Math.Max(Math.Min(low, index), Math.Max(high, index) - MaxBuckets + 1);
        var newHigh = Math.Max(high, index);
        if (!used || low < newLow || newLow < _offset || newHigh >= _offset + _counts.Length) Reposition(newLow, newHigh);
        _counts[Math.Max(index, newLow) - _offset] += count;
    }

    /// <summary>Moves the window to hold [low, high], folding any non-empty bucket below low into low.</summary>
    void Reposition(int low, int high)
    {
        var needed = high - low + 1;
        var length = Math.Min(MaxBuckets, Math.Max(needed + Slack, 2 * _counts.Length));
        var offset = low - (length - needed) / 2;
        var counts = new long[length];
        foreach (var (index, count) in Ascending()) counts[Math.Max(index, low) - offset] += count;
        _counts = counts;
        _offset = offset;
    }

    (bool Used, int Low, int High) UsedRange()
    {
        var first = Array.FindIndex(_counts, count => count != 0);
        if (first < 0) return (false, 0, 0);
        var last = Array.FindLastIndex(_counts, count => count != 0);
        return (true, _offset + first, _offset + last);
    }
}
