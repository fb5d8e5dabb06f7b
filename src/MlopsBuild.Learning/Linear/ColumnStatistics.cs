using System.Numerics;
using System.Runtime.CompilerServices;

namespace MlopsBuild.Learning.Linear;

/// <summary>Vectorised passes over one float feature column, skipping missing (NaN) values.</summary>
internal static class ColumnStatistics
{
    /// <summary>Sum (in double) and count of the present values. The sum is not finite iff some value is infinite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double Sum, int Count) SumPresent(ReadOnlySpan<float> column)
    {
        var vectors = column.Length - column.Length % Vector<float>.Count;
        Vector<double> low = default, high = default;
        var missing = Vector<int>.Zero;
        for (var i = 0; i < vectors; i += Vector<float>.Count)
        {
            var values = new Vector<float>(column[i..]);
            var present = Vector.Equals(values, values);
            missing += Vector.AsVectorInt32(~present) & Vector<int>.One;
            Vector.Widen(Vector.ConditionalSelect(present, values, Vector<float>.Zero), out var a, out var b);
            low += a;
            high += b;
        }
        var sum = Vector.Sum(low + high);
        var count = vectors - Vector.Sum(missing);
        for (var i = vectors; i < column.Length; i++)
        {
            if (float.IsNaN(column[i])) continue;
            sum += column[i];
            count++;
        }
        return (sum, count);
    }

    /// <summary>Σ (x − mean)² over the present values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SquaredDeviations(ReadOnlySpan<float> column, double mean)
    {
        var vectors = column.Length - column.Length % Vector<float>.Count;
        var centre = new Vector<double>(mean);
        Vector<double> low = default, high = default;
        for (var i = 0; i < vectors; i += Vector<float>.Count)
        {
            var values = new Vector<float>(column[i..]);
            Vector.Widen(values, out var a, out var b);
            Vector.Widen(Vector.Equals(values, values), out var presentA, out var presentB);
            var da = Vector.ConditionalSelect(Vector.AsVectorInt64(presentA), a - centre, Vector<double>.Zero);
            var db = Vector.ConditionalSelect(Vector.AsVectorInt64(presentB), b - centre, Vector<double>.Zero);
            low += da * da;
            high += db * db;
        }
        var sum = Vector.Sum(low + high);
        for (var i = vectors; i < column.Length; i++)
            if (!float.IsNaN(column[i])) sum += (column[i] - mean) * (column[i] - mean);
        return sum;
    }

    /// <summary>destination[i] = (x − mean) / scale, rounded to float; missing values become 0 (the mean).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Standardise(ReadOnlySpan<float> column, double mean, double scale, Span<float> destination)
    {
        var vectors = column.Length - column.Length % Vector<float>.Count;
        var centre = new Vector<double>(mean);
        var spread = new Vector<double>(scale);
        for (var i = 0; i < vectors; i += Vector<float>.Count)
        {
            var values = new Vector<float>(column[i..]);
            Vector.Widen(values, out var a, out var b);
            var standardised = Vector.Narrow((a - centre) / spread, (b - centre) / spread);
            Vector.ConditionalSelect(Vector.Equals(values, values), standardised, Vector<float>.Zero).CopyTo(destination[i..]);
        }
        for (var i = vectors; i < column.Length; i++)
            destination[i] = float.IsNaN(column[i]) ? 0f : (float)((column[i] - mean) / scale);
    }
}
