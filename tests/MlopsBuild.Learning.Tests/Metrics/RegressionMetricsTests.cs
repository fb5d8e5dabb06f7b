using MlopsBuild.Learning.Metrics;

namespace MlopsBuild.Learning.Tests.Metrics;

public sealed class RegressionMetricsTests
{
    [Fact]
    public void Errors_by_hand()
    {
        // Errors 1, −1, 2, 0; labels' mean 2.5, squares around it 2.25 + 0.25 + 0.25 + 2.25 = 5.
        var metrics = RegressionMetrics.Compute([1, 2, 3, 4], [0.0, 3, 1, 4]);

        Assert.Equal(4, metrics.Count);
        Close.Equal(Math.Sqrt(6.0 / 4), metrics.Rmse, "RMSE");
        Close.Equal(1, metrics.Mae, "MAE");
        Close.Equal(1 - 6.0 / 5, metrics.R2, "R²");
    }

    [Fact]
    public void A_constant_label_gives_r2_one_when_exact_and_zero_otherwise()
    {
        Assert.Equal(1, RegressionMetrics.Compute([7, 7, 7], [7.0, 7, 7]).R2);
        Assert.Equal(0, RegressionMetrics.Compute([7, 7, 7], [7.0, 8, 7]).R2);
    }

    [Fact]
    public void A_million_rows_lose_no_precision()
    {
        // A running sum of a million 0.1s is off by about 1e-11 relative; the compensated sums stay within an ulp or two.
        const int rows = 1_000_000;
        var labels = new float[rows];
        var predictions = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = i % 2;
            predictions[i] = labels[i] + (i % 2 == 0 ? 0.1 : -0.1);
        }

        var metrics = RegressionMetrics.Compute(labels, predictions);

        Close.Equal(0.1, metrics.Mae, "MAE", relativeTolerance: 1e-15);
        Close.Equal(0.1, metrics.Rmse, "RMSE", relativeTolerance: 1e-15);
        Close.Equal(1 - 0.01 / 0.25, metrics.R2, "R²", relativeTolerance: 1e-15);
    }
}
