using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>
/// A leaf's histogram: every feature's bins side by side, at <see cref="BinnedDataset.HistogramOffsets"/>. The bins
/// start on a cache line: a managed array's elements are only 8-byte aligned, so every other 32-byte bin would
/// straddle two lines, and such split loads and stores cost the histogram builder about a fifth of its time.
/// </summary>
internal sealed class LeafHistogram
{
    const int CacheLine = 64;
    const int DoublesPerBin = 4;

    /// <summary>Pinned, so that its address, and with it the alignment of <see cref="start"/>, never changes.</summary>
    readonly double[] storage;
    readonly int start;
    readonly int binCount;

    public LeafHistogram(int binCount)
    {
        this.binCount = binCount;
        storage = GC.AllocateArray<double>(binCount * DoublesPerBin + CacheLine / sizeof(double), pinned: true);
        var misalignment = (int)(Address(storage) % CacheLine);
        start = (CacheLine - misalignment) % CacheLine / sizeof(double);
    }

    public Span<HistogramBin> Bins => MemoryMarshal.Cast<double, HistogramBin>(storage.AsSpan(start, binCount * DoublesPerBin));

    static unsafe long Address(double[] array) => (long)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
}
