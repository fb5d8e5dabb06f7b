namespace MlopsBuild.Learning.Metrics;

/// <summary>
/// Neumaier's compensated summation: the rounding error of every addition is carried along, so a sum of millions of
/// terms is as accurate as a single rounding (a plain running sum loses about one digit per factor of ten rows).
/// </summary>
internal struct CompensatedSum
{
    double sum;
    double compensation;

    public void Add(double value)
    {
        var total = sum + value;
        compensation += Math.Abs(sum) >= Math.Abs(value) ? (sum - total) + value : (value - total) + sum;
        sum = total;
    }

    public readonly double Value => sum + compensation;
}
