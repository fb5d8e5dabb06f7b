using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>
/// Software prefetch for loops that read columns at a leaf's rows. Deep in a tree a leaf's rows lie far apart, so each
/// row's bin or gradient is a cache miss that the hardware prefetcher, which follows regular strides, does not foresee;
/// asking for it <see cref="Ahead"/> rows early overlaps the misses. A dense leaf's columns stream in without help.
/// </summary>
internal static class RowPrefetch
{
    /// <summary>Rows ahead: enough to cover a miss to memory at a few nanoseconds per row.</summary>
    public const int Ahead = 32;

    /// <summary>Rows at least this far apart on average (at most eight per 64-byte line of a byte column) are prefetched.</summary>
    const int SparseGap = 8;

    /// <summary>Up to which index the reads at rows[i + <see cref="Ahead"/>] are prefetched: none for dense rows.</summary>
    public static int End(ReadOnlySpan<int> rows) =>
        Sse.IsSupported && rows.Length > Ahead && rows[^1] - rows[0] >= (long)SparseGap * rows.Length ? rows.Length - Ahead : 0;

    /// <summary>Asks for the cache line of <paramref name="at"/>. A hint only: it never faults, so an unpinned address will do.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Fetch<T>(ref T at) => Sse.Prefetch0(Unsafe.AsPointer(ref at));
}
