namespace MlopsBuild.Data.Statistics;

/// <summary>
/// How often each distinct value occurred, for up to <see cref="Capacity"/> distinct values: an open-addressing table
/// keyed by the double's bits, at most half full, so at most 2 × 2048 × 16 bytes = 64 KB.
/// </summary>
internal sealed class ExactValueCounts
{
    public const int Capacity = 2048;
    const int InitialSlots = 16;

    long[] _bits = new long[InitialSlots];
    long[] _counts = new long[InitialSlots]; // 0 marks an empty slot
    int _shift = 64 - 4;                     // Fibonacci hashing: the top log2(slots) bits of bits × 2^64/φ

    public int Count { get; private set; }

    /// <summary>Counts the value, or returns false (changing nothing) when it is new and the table is full.</summary>
    public bool TryAdd(double value, long count)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var mask = _counts.Length - 1;
        for (var slot = SlotOf(bits); ; slot = (slot + 1) & mask)
        {
            if (_counts[slot] == 0)
            {
                if (Count == Capacity) return false;
                _bits[slot] = bits;
                _counts[slot] = count;
                if (++Count * 2 > _counts.Length) Grow();
                return true;
            }
            if (_bits[slot] == bits)
            {
                _counts[slot] += count;
                return true;
            }
        }
    }

    /// <summary>Distinct values with their counts, in no particular order.</summary>
    public IEnumerable<(double Value, long Count)> Entries()
    {
        for (var slot = 0; slot < _counts.Length; slot++)
            if (_counts[slot] != 0) yield return (BitConverter.Int64BitsToDouble(_bits[slot]), _counts[slot]);
    }

    int SlotOf(long bits) => (int)(((ulong)bits * 0x9E3779B97F4A7C15UL) >> _shift);

    void Grow()
    {
        var entries = Entries().ToList();
        _bits = new long[_counts.Length * 2];
        _counts = new long[_bits.Length];
        _shift--;
        Count = 0;
        foreach (var (value, count) in entries) TryAdd(value, count);
    }
}
