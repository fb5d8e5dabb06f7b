using System.Numerics;
using MlopsBuild.Learning.Linear;

namespace MlopsBuild.Learning.Tests.Linear;

public sealed class VectorMathTests
{
    [Fact]
    public void Exp_of_non_positive_numbers_is_accurate_to_a_few_ulps()
    {
        for (var x = -708.0; x <= 0; x += 0.0137)
        {
            var exact = Math.Exp(x);
            Assert.True(Math.Abs(VectorMath.ExpNonPositive(new Vector<double>(x))[0] - exact) <= 4e-16 * exact, $"exp({x})");
        }
        Assert.Equal(1.0, VectorMath.ExpNonPositive(Vector<double>.Zero)[0]);
        Assert.Equal(0.0, VectorMath.ExpNonPositive(new Vector<double>(-800))[0]);
    }

    [Fact]
    public void Log_is_accurate_to_a_few_ulps()
    {
        for (var x = 1e-300; x < 1e300; x *= 1.37) AssertLog(x);
        for (var x = 1.0 + 1e-6; x < 4; x += 1.3e-4) AssertLog(x);
        Assert.Equal(0.0, VectorMath.Log(Vector<double>.One)[0]);
    }

    static void AssertLog(double x)
    {
        var exact = Math.Log(x);
        Assert.True(Math.Abs(VectorMath.Log(new Vector<double>(x))[0] - exact) <= 4e-16 * Math.Abs(exact), $"log({x})");
    }
}
