using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Prediction;

namespace MlopsBuild.Benchmarks.Training;

/// <summary>One model's scoring figures: batch throughput, and one row's time and allocation per call.</summary>
internal sealed record Scoring(string Model, double BatchRowsPerSecond, double SingleRowMicroseconds, double SingleRowAllocatedBytes);

/// <summary>
/// Scoring a trained model on the test rows. Batch: every test row in 4,096-row chunks over 2 threads (median of 5).
/// Single row: <see cref="Predictor.Score"/> row by row on one thread over up to 100,000 rows (median of 5), and the
/// bytes that thread allocates per call.
/// </summary>
internal static class ScoringSection
{
    const int Threads = 2;
    const int Chunk = 4096;
    const int Repeat = 5;

    public static Scoring Measure(string name, Predictor model, FeatureMatrix matrix)
    {
        var scores = new double[matrix.RowCount * model.ScoreCount];
        var chunks = (matrix.RowCount + Chunk - 1) / Chunk;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Threads };
        var batchMs = Timing.MedianMilliseconds(Repeat, () => Parallel.For(0, chunks, parallel, c =>
        {
            var start = c * Chunk;
            var count = Math.Min(Chunk, matrix.RowCount - start);
            model.ScoreRows(matrix, start, count, scores.AsSpan(start * model.ScoreCount, count * model.ScoreCount));
        }));

        var rows = Math.Min(matrix.RowCount, 100_000);
        var features = matrix.FeatureCount;
        var rowMajor = new float[rows * features];
        for (var i = 0; i < rows; i++) matrix.CopyRow(i, rowMajor.AsSpan(i * features, features));
        var single = new double[model.ScoreCount];
        void ScoreEachRow()
        {
            for (var i = 0; i < rows; i++) model.Score(rowMajor.AsSpan(i * features, features), single);
        }
        var singleMs = Timing.MedianMilliseconds(Repeat, ScoreEachRow);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        ScoreEachRow();
        var allocatedPerCall = (double)(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / rows;

        return new Scoring(name, Math.Round(matrix.RowCount / (batchMs / 1000)), Math.Round(singleMs * 1000 / rows, 4), allocatedPerCall);
    }

    public static void Print(Scoring scoring) =>
        Console.WriteLine($"Scoring, {scoring.Model}: batch ({Threads} threads) {scoring.BatchRowsPerSecond / 1e6:F2} M rows/s (goal ≥ 2); " +
                          $"single row {scoring.SingleRowMicroseconds:F3} µs (goal < 1), {scoring.SingleRowAllocatedBytes:G3} bytes allocated per call");
}
