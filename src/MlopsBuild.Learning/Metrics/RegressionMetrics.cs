namespace MlopsBuild.Learning.Metrics;

/// <summary>
/// How close predictions are to real-valued labels, as scikit-learn 1.2 computes them (root of mean_squared_error,
/// mean_absolute_error, r2_score). Sums are compensated, so 10M rows keep full double precision.
/// <see cref="R2"/> with a constant label (no variance to explain) follows r2_score's force_finite default: 1 when every
/// prediction is exact, else 0.
/// </summary>
public sealed record RegressionMetrics(long Count, double Rmse, double Mae, double R2)
{
    /// <exception cref="ArgumentException">No rows, lengths differ, or a label or prediction that is NaN or infinite.</exception>
    public static RegressionMetrics Compute(ReadOnlySpan<float> labels, ReadOnlySpan<double> predictions)
    {
        MetricInput.RequireRows(labels.Length, predictions.Length, "predictions", nameof(predictions));
        var labelSum = new CompensatedSum();
        var squaredErrors = new CompensatedSum();
        var absoluteErrors = new CompensatedSum();
        var labelsVary = false;
        for (var row = 0; row < labels.Length; row++)
        {
            double label = labels[row];
            var prediction = predictions[row];
            MetricInput.RequireFinite(label, row, "label", nameof(labels));
            MetricInput.RequireFinite(prediction, row, "prediction", nameof(predictions));
            labelsVary |= labels[row] != labels[0];
            labelSum.Add(label);
            var error = label - prediction;
            squaredErrors.Add(error * error);
            absoluteErrors.Add(Math.Abs(error));
        }

        long count = labels.Length;
        var squaredError = squaredErrors.Value;
        double r2;
        if (labelsVary)
        {
            // Second pass around the mean: Σ(y − ȳ)² keeps its digits where Σy² − nȳ² would cancel them away.
            var mean = labelSum.Value / count;
            var totalSquares = new CompensatedSum();
            foreach (var label in labels)
            {
                var deviation = label - mean;
                totalSquares.Add(deviation * deviation);
            }
            r2 = 1 - squaredError / totalSquares.Value;
        }
        else
        {
            r2 = squaredError == 0 ? 1 : 0;
        }
        return new RegressionMetrics(count, Math.Sqrt(squaredError / count), absoluteErrors.Value / count, r2);
    }
}
