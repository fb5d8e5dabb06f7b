using System.Numerics;
using System.Runtime.CompilerServices;

namespace MlopsBuild.Data.Statistics;

/// <summary>
/// The exact sum of any number of finite doubles, with no rounding at all, so it is the same whatever the order of the
/// additions or how they were split between partitions. A double is m·2^(e−1075) for its biased exponent e and integer
/// significand m (53 bits). Two levels:
/// <list type="bullet">
/// <item>the hot path adds ±m to a per-exponent 64-bit integer, in a window of exponents placed around the first value
/// (most columns stay within a few dozen binary orders of magnitude);</item>
/// <item><see cref="Fold"/> moves the window into a superaccumulator (Neal, arXiv:1505.05571) that holds everything
/// exactly: chunk j is a signed integer of weight 2^(32j−1075), kept in range by propagating carries. Values outside
/// the window go there directly.</item>
/// </list>
/// The window has <see cref="Lanes"/> integers per exponent: consecutive values of a column mostly share an exponent, and
/// adding them to one integer would chain every addition to the store before it; the caller spreads them over the lanes.
/// The caller folds at least every <see cref="FoldInterval"/> additions to a lane. (A counter here would cost more than
/// the rest of the addition.)
/// </summary>
internal sealed class ExactSum
{
    /// <summary>The sum is <see cref="ToScaledInteger"/> / 2^ScaleBits.</summary>
    public const int ScaleBits = 1075;

    /// <summary>The most additions to one lane between folds: 1024 significands below 2^53 keep an integer below 2^63.</summary>
    public const int FoldInterval = 1024;

    /// <summary>Independent integers per exponent, so that additions to the same exponent can run in parallel.</summary>
    public const int Lanes = 1 << LaneBits;

    /// <summary>log2 of <see cref="Lanes"/>: a slot's integers start at slot · Lanes, a shift.</summary>
    public const int LaneBits = 2;

    const long SignificandMask = (1L << 52) - 1;
    const long ImplicitBit = 1L << 52;
    const int ChunkBits = 32;
    // Chunks 0..63 take the bits of exponents up to 2047; two more take a 64-bit integer's overflow and the carries.
    const int ChunkCount = 66;

    readonly long[] _window; // Lanes integers per exponent, side by side
    readonly int _windowExponents;
    int _windowBase = int.MaxValue; // biased exponent of _window[0]; none until the first normal, non-zero value
    readonly long[] _chunks = new long[ChunkCount];

    /// <param name="windowExponents">How many consecutive exponents take the fast path (8 bytes each).</param>
    public ExactSum(int windowExponents)
    {
        _windowExponents = windowExponents;
        _window = new long[windowExponents * Lanes];
    }

    /// <summary>Adds a finite value to lane <paramref name="lane"/> (below <see cref="Lanes"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value, int lane)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var slot = (int)((bits >> 52) & 0x7FF) - _windowBase;
        if ((uint)slot < (uint)_windowExponents)
            _window[slot * Lanes + (lane & (Lanes - 1))] += SignedSignificand(bits);
        else
            AddOutsideWindow(bits, lane);
    }

    /// <summary>
    /// The window's integers, <see cref="Lanes"/> per exponent from <see cref="WindowBase"/> on, for a kernel that adds a
    /// block of values with the window in locals. It may add m·2^(e−1075) there as ±m at [(e − base)·Lanes + lane].
    /// </summary>
    public Span<long> Window => _window;

    /// <summary>The biased exponent of the window's first integers; int.MaxValue until the first value placed it.</summary>
    public int WindowBase => _windowBase;

    /// <summary>The integer for a double's significand with its sign (without the implicit bit for ±0, which is 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long SignedSignificand(long bits)
    {
        var significand = (bits & SignificandMask) | ImplicitBit;
        var sign = bits >> 63; // 0 or −1: (x ^ sign) − sign negates x for negative values without a branch
        return (significand ^ sign) - sign;
    }

    public void Fold() => FoldWindowInto(_chunks, clearWindow: true);

    public void Merge(ExactSum other)
    {
        Fold();
        var theirs = other.FoldedChunks();
        for (var i = 0; i < ChunkCount; i++) _chunks[i] += theirs[i];
        PropagateCarries(_chunks);
    }

    /// <summary>The sum as an integer count of 2^−1075 units.</summary>
    public BigInteger ToScaledInteger()
    {
        var chunks = FoldedChunks();
        var total = BigInteger.Zero;
        for (var i = ChunkCount - 1; i >= 0; i--) total = (total << ChunkBits) + chunks[i];
        return total;
    }

    void AddOutsideWindow(long bits, int lane)
    {
        var exponent = (int)((bits >> 52) & 0x7FF);
        var significand = bits & SignificandMask;
        if (exponent == 0 && significand == 0) return; // ±0
        if (exponent != 0 && _windowBase == int.MaxValue)
        {
            _windowBase = Math.Clamp(exponent - _windowExponents / 2, 1, 2047 - _windowExponents);
            Add(BitConverter.Int64BitsToDouble(bits), lane); // the lane it was given, which the caller counts on
            return;
        }
        if (exponent == 0) exponent = 1; // subnormal: no implicit bit, same scale as the smallest normal
        else significand |= ImplicitBit;
        AddToChunks(_chunks, bits < 0 ? -significand : significand, exponent);
    }

    long[] FoldedChunks()
    {
        var chunks = (long[])_chunks.Clone();
        FoldWindowInto(chunks, clearWindow: false);
        return chunks;
    }

    // Chunks start below 2^32 after the last fold and gain less than 2^34 per addition since, so they cannot overflow here.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called every few thousand values from the start
    void FoldWindowInto(long[] chunks, bool clearWindow)
    {
        var window = _window.AsSpan();
        for (var used = 0; used < window.Length; used++)
        {
            if (window[used] == 0) continue;
            AddToChunks(chunks, window[used], _windowBase + used / Lanes);
            if (clearWindow) window[used] = 0;
        }
        PropagateCarries(chunks);
    }

    /// <summary>
    /// Adds integer·2^(exponent−1075): the integer shifted by exponent mod 32 spans three 32-bit chunks. Its two halves
    /// are shifted apart, so that nothing needs more than 64 bits; each chunk gains less than 2^34.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void AddToChunks(long[] chunks, long integer, int exponent)
    {
        var shift = exponent & (ChunkBits - 1);
        var low = (integer & uint.MaxValue) << shift;   // below 2^63
        var high = (integer >> ChunkBits) << shift;     // signed, below 2^62 in magnitude
        var chunk = exponent >> 5;
        chunks[chunk] += low & uint.MaxValue;
        chunks[chunk + 1] += (low >> ChunkBits) + (high & uint.MaxValue);
        chunks[chunk + 2] += high >> ChunkBits;
    }

    static void PropagateCarries(long[] chunks)
    {
        for (var i = 0; i < ChunkCount - 1; i++)
        {
            var carry = chunks[i] >> ChunkBits; // arithmetic shift: floor, so the chunk is left in [0, 2^32)
            chunks[i] -= carry << ChunkBits;
            chunks[i + 1] += carry;
        }
    }
}
