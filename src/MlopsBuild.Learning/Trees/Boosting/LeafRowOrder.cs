using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>
/// The training rows in leaf order: each leaf's rows are a contiguous, ascending segment, which a split partitions
/// stably into its children's. Row-wise work runs in fixed chunks, in parallel when there are many, and gives the
/// same result as one pass whatever the threads.
/// </summary>
internal sealed class LeafRowOrder(int rowCount, ParallelOptions parallel)
{
    /// <summary>
    /// Rows per task: fixed, so results never depend on the threads; small enough that the mid-sized leaves of a
    /// depth-6 tree on a million rows are partitioned and gathered on every thread, not on one.
    /// </summary>
    const int ChunkRows = 1 << 14;

    readonly int[] rows = new int[rowCount];
    readonly int[] leftScratch = new int[rowCount];
    readonly int[] rightScratch = new int[rowCount];
    readonly GradientPair[] gathered = new GradientPair[rowCount];

    /// <summary>Starts a tree: its rows (ascending) are the root's segment, from 0.</summary>
    public void Reset(ReadOnlySpan<int> bag) => bag.CopyTo(rows);

    public ReadOnlySpan<int> Rows(int start, int count) => rows.AsSpan(start, count);

    /// <summary>Whether ascending rows are consecutive, as the root's are when a tree learns from every row.</summary>
    public static bool AreConsecutive(ReadOnlySpan<int> rows) => rows.Length > 0 && rows[^1] - rows[0] == rows.Length - 1;

    /// <summary>
    /// The segment's gradient pairs in its row order: a slice of <paramref name="gradients"/> when its rows are
    /// consecutive, else a copy gathered to the front of a buffer that the next call or partition overwrites.
    /// </summary>
    public ReadOnlyMemory<GradientPair> GradientsOf(GradientPair[] gradients, int start, int count)
    {
        if (AreConsecutive(Rows(start, count))) return gradients.AsMemory(rows[start], count);
        Gather(gradients, start, count);
        return gathered.AsMemory(0, count);
    }

    void Gather(GradientPair[] gradients, int start, int count) =>
        ForEachChunk(count, (from, to) => GatherRows(gradients, rows.AsSpan(start + from, to - from), gathered.AsSpan(from)));

    static void GatherRows(GradientPair[] gradients, ReadOnlySpan<int> chunk, Span<GradientPair> destination)
    {
        var prefetchEnd = RowPrefetch.End(chunk);
        for (var i = 0; i < chunk.Length; i++)
        {
            if (i < prefetchEnd) RowPrefetch.Fetch(ref gradients[chunk[i + RowPrefetch.Ahead]]);
            destination[i] = gradients[chunk[i]];
        }
    }

    /// <summary>The smaller side's gradient pairs gathered by the last <see cref="Partition"/> given gradients.</summary>
    public ReadOnlySpan<GradientPair> GatheredSmallerSide(int count) => gathered.AsSpan(0, count);

    /// <summary>
    /// Stable partition of the segment by a split's bin table (1 = left); returns how many went left. Each chunk's
    /// rows are parted into left and right scratch, then the pieces are laid back in chunk order. Given
    /// <paramref name="gradients"/>, the pieces of the smaller side (the left on a tie) also gather their gradient
    /// pairs, in the side's row order, for <see cref="GatheredSmallerSide"/>: in the same parallel pass as the rows
    /// rather than in one of their own.
    /// </summary>
    public int Partition(int start, int count, byte[] column, byte[] goesLeft, GradientPair[]? gradients)
    {
        var chunks = (count + ChunkRows - 1) / ChunkRows;
        var lefts = new int[chunks];
        ForEachChunk(count, (from, to) =>
            lefts[from / ChunkRows] = Part(rows.AsSpan(start + from, to - from), column, goesLeft, leftScratch.AsSpan(from), rightScratch.AsSpan(from)));
        var leftOffsets = new int[chunks + 1];
        for (var c = 0; c < chunks; c++) leftOffsets[c + 1] = leftOffsets[c] + lefts[c];
        var totalLeft = leftOffsets[chunks];
        var gatherLeft = totalLeft <= count - totalLeft;
        ForEachChunk(count, (from, to) =>
        {
            var c = from / ChunkRows;
            var leftRows = leftScratch.AsSpan(from, lefts[c]);
            var rightRows = rightScratch.AsSpan(from, to - from - leftRows.Length);
            // Rows before this chunk that went right: the chunk's start minus those that went left.
            var rightsBefore = from - leftOffsets[c];
            leftRows.CopyTo(rows.AsSpan(start + leftOffsets[c]));
            rightRows.CopyTo(rows.AsSpan(start + totalLeft + rightsBefore));
            if (gradients is null) return;
            if (gatherLeft) GatherRows(gradients, leftRows, gathered.AsSpan(leftOffsets[c]));
            else GatherRows(gradients, rightRows, gathered.AsSpan(rightsBefore));
        });
        return totalLeft;
    }

    /// <summary>Parts a chunk's rows into left and right scratch, each side in row order; returns how many went left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static int Part(ReadOnlySpan<int> chunk, byte[] column, byte[] goesLeft, Span<int> leftScratch, Span<int> rightScratch)
    {
        // Unchecked indexing, as in HistogramBuilder: rows are the column's, a bin indexes the 256-entry table, and each
        // side's scratch holds the whole chunk. Branch-free: write the row to both sides, advance the one it belongs to.
        ref var rowAt = ref MemoryMarshal.GetReference(chunk);
        ref var binAt = ref MemoryMarshal.GetArrayDataReference(column);
        ref var tableAt = ref MemoryMarshal.GetArrayDataReference(goesLeft);
        ref var leftAt = ref MemoryMarshal.GetReference(leftScratch);
        ref var rightAt = ref MemoryMarshal.GetReference(rightScratch);
        var prefetchEnd = RowPrefetch.End(chunk);
        int left = 0, right = 0;
        for (var i = 0; i < chunk.Length; i++)
        {
            if (i < prefetchEnd) RowPrefetch.Fetch(ref Unsafe.Add(ref binAt, Unsafe.Add(ref rowAt, i + RowPrefetch.Ahead)));
            var row = Unsafe.Add(ref rowAt, i);
            int isLeft = Unsafe.Add(ref tableAt, Unsafe.Add(ref binAt, row));
            Unsafe.Add(ref leftAt, left) = row;
            Unsafe.Add(ref rightAt, right) = row;
            left += isLeft;
            right += 1 - isLeft;
        }
        return left;
    }

    /// <summary>Runs <paramref name="body"/>(from, to) over fixed chunks of [0, count), in parallel when there are many.</summary>
    void ForEachChunk(int count, Action<int, int> body)
    {
        var chunks = (count + ChunkRows - 1) / ChunkRows;
        if (chunks <= 1 || parallel.MaxDegreeOfParallelism == 1)
            body(0, count);
        else
            Parallel.For(0, chunks, parallel, c => body(c * ChunkRows, Math.Min(count, (c + 1) * ChunkRows)));
    }
}
