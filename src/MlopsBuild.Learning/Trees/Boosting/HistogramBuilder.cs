namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>The hot loop of training: one feature's gradient histogram over one leaf's rows.</summary>
internal static class HistogramBuilder
{
    /// <param name="column">The feature's bin per row.</param>
    /// <param name="rows">The leaf's rows.</param>
    /// <param name="ordered">Their gradient pairs, in the same order.</param>
    /// <param name="histogram">The feature's bins in the leaf's histogram (overwritten).</param>
    public static void Build(byte[] column, ReadOnlySpan<int> rows, ReadOnlySpan<GradientPair> ordered, Span<HistogramBin> histogram)
    {
        histogram.Clear();
        for (var i = 0; i < rows.Length; i++)
        {
            ref var bin = ref histogram[column[rows[i]]];
            bin.Gradient += ordered[i].Gradient;
            bin.Hessian += ordered[i].Hessian;
            bin.Count++;
        }
    }
}
