using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MlopsBuild.Data.Statistics;

/// <summary>
/// Exact counts for up to a capacity of distinct categories. Beyond it, the categories kept are those of smallest rank
/// (stable hash, then ordinal text) — bottom-k sampling — and the rest are counted together as "other". A category of
/// the final bottom-k was never evicted (fewer than k smaller ranks ever existed), so its count is exact; and the kept
/// set depends on the set of categories only, so merging partitions gives exactly what one pass over all rows gives.
/// </summary>
internal sealed class TrackedCategories
{
    readonly int _capacity;
    readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _countsBySpan;
    // Created when the first category does not fit: from then on _distinct holds every category seen, and the heap
    // orders the kept ones so that the highest rank is evicted first.
    PriorityQueue<string, Rank>? _highestRankFirst;
    HyperLogLog? _distinct;

    public TrackedCategories(int capacity)
    {
        _capacity = capacity;
        _countsBySpan = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Occurrences of categories that are not tracked.</summary>
    public long Other { get; private set; }

    public IReadOnlyDictionary<string, long> Counts => _counts;

    public bool DistinctIsEstimate => _distinct is not null;

    // Once sampling started there are more categories than the capacity, whatever the estimate says.
    public long DistinctCount() => _distinct is null ? _counts.Count : Math.Max(_distinct.Estimate(), _capacity + 1L);

    public void Add(ReadOnlySpan<char> category, long count)
    {
        ref var tracked = ref CollectionsMarshal.GetValueRefOrNullRef(_countsBySpan, category);
        if (Unsafe.IsNullRef(ref tracked)) AddUntracked(category, count);
        else tracked += count;
    }

    public void Merge(TrackedCategories other)
    {
        foreach (var (category, count) in other._counts) Add(category, count);
        Other += other.Other;
        if (other._distinct is null) return;
        StartSampling();
        _distinct!.Merge(other._distinct);
    }

    void AddUntracked(ReadOnlySpan<char> category, long count)
    {
        if (_distinct is null && _counts.Count < _capacity)
        {
            _counts.Add(category.ToString(), count);
            return;
        }
        StartSampling();
        var hash = StableHash.OfText(category);
        _distinct!.Add(hash);
        _highestRankFirst!.TryPeek(out var highest, out var highestRank);
        if (Rank.Compare(hash, category, highestRank) >= 0)
        {
            Other += count;
            return;
        }
        _highestRankFirst.Dequeue();
        Other += _counts[highest!];
        _counts.Remove(highest!);
        var text = category.ToString();
        _counts.Add(text, count);
        _highestRankFirst.Enqueue(text, new Rank(hash, text));
    }

    void StartSampling()
    {
        if (_distinct is not null) return;
        _distinct = new HyperLogLog();
        _highestRankFirst = new PriorityQueue<string, Rank>(_counts.Count, Rank.HighestFirst);
        foreach (var category in _counts.Keys)
        {
            var hash = StableHash.OfText(category);
            _distinct.Add(hash);
            _highestRankFirst.Enqueue(category, new Rank(hash, category));
        }
    }

    readonly record struct Rank(ulong Hash, string Text)
    {
        public static IComparer<Rank> HighestFirst { get; } =
            Comparer<Rank>.Create((a, b) => Compare(b.Hash, b.Text, a));

        public static int Compare(ulong hash, ReadOnlySpan<char> text, Rank other) =>
            hash != other.Hash ? hash.CompareTo(other.Hash) : text.SequenceCompareTo(other.Text);
    }
}
