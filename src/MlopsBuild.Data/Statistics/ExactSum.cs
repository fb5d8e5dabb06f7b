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
/// The caller folds at least every <see cref="FoldInterval"/> additions. (A counter here would cost more than the rest
/// of the addition: the increments of one field form a chain of store-to-load latencies.)
/// </summary>
internal sealed class ExactSum
{
    /// <summary>The sum is <see cref="ToScaledInteger"/> / 2^ScaleBits.</summary>
    public const int ScaleBits = 1075;

    /// <summary>The most additions between folds: 1024 significands below 2^53 each keep a window integer below 2^63.</summary>
    public const int FoldInterval = 1024;

    const long SignificandMask = (1L << 52) - 1;
    const long ImplicitBit = 1L << 52;
    const int ChunkBits = 32;
    // Chunks 0..63 take the bits of exponents up to 2047; two more take a 64-bit integer's overflow and the carries.
    const int ChunkCount = 66;

    readonly long[] _window;
    int _windowBase = int.MaxValue; // biased exponent of _window[0]; none until the first normal, non-zero value
    readonly long[] _chunks = new long[ChunkCount];

    /// <param name="windowExponents">How many consecutive exponents take the fast path (8 bytes each).</param>
    public ExactSum(int windowExponents) => _window = new long[windowExponents];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var slot = (int)((bits >> 52) & 0x7FF) - _windowBase;
        if ((uint)slot < (uint)_window.Length)
        {
            var significand = (bits & SignificandMask) | ImplicitBit;
            var sign = bits >> 63; // 0 or −1: (x ^ sign) − sign negates x for negative values without a branch
            _window[slot] += (significand ^ sign) - sign;
        }
        else
        {
            AddOutsideWindow(bits);
        }
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

    void AddOutsideWindow(long bits)
    {
        var exponent = (int)((bits >> 52) & 0x7FF);
        var significand = bits & SignificandMask;
        if (exponent == 0 && significand == 0) return; // ±0
        if (exponent != 0 && _windowBase == int.MaxValue)
        {
            _windowBase = Math.Clamp(exponent - _window.Length / 2, 1, 2047 - _window.Length);
            Add(BitConverter.Int64BitsToDouble(bits));
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

    // Chunks start below 2^32 after the last fold and gain at most 2^32 per addition since, so they cannot overflow here.
    void FoldWindowInto(long[] chunks, bool clearWindow)
    {
        var window = _window.AsSpan();
        // A vectorised search skips the (usually many) unused exponents: folding is then cheap enough to do often.
        for (var slot = window.IndexOfAnyExcept(0L); slot >= 0; slot = NextUsed(window, slot + 1))
        {
            AddToChunks(chunks, window[slot], _windowBase + slot);
            if (clearWindow) window[slot] = 0;
        }
        PropagateCarries(chunks);
    }

    static int NextUsed(Span<long> window, int from)
    {
        var next = window[from..].IndexOfAnyExcept(0L);
        return next < 0 ? -1 : from + next;
    }

    /// <summary>Adds integer·2^(exponent−1075): the integer shifted by exponent mod 32 spans three 32-bit chunks.</summary>
    static void AddToChunks(long[] chunks, long integer, int exponent)
    {
        var scaled = (Int128)integer << (exponent & (ChunkBits - 1));
        var chunk = exponent >> 5;
        chunks[chunk] += (long)(scaled & uint.MaxValue);
        chunks[chunk + 1] += (long)((scaled >> ChunkBits) & uint.MaxValue);
        chunks[chunk + 2] += (long)(scaled >> (2 * ChunkBits));
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
