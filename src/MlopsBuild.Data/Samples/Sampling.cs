namespace MlopsBuild.Data.Samples;

/// <summary>
/// Draws from the distributions the sample data needs. Platforms' Log/Exp/Cos may differ in the last bit; every value
/// written is rounded far above that, so the files stay byte-identical in practice.
/// </summary>
internal static class Sampling
{
    /// <summary>Box–Muller; the pair's second value is dropped so the generator is the only state.</summary>
    public static double Normal(this Xoshiro256StarStar random, double mean, double standardDeviation)
    {
        var u1 = 1.0 - random.NextDouble(); // in (0, 1]: Log(0) is -∞
        var u2 = random.NextDouble();
        return mean + standardDeviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A normal draw within [min, max], redrawn until it lands there (no pile-up at the bounds).</summary>
    public static double TruncatedNormal(this Xoshiro256StarStar random, double mean, double standardDeviation, double min, double max)
    {
        while (true)
        {
            var value = random.Normal(mean, standardDeviation);
            if (value >= min && value <= max) return value;
        }
    }

    /// <summary>exp(N(mu, sigma)): its median is exp(mu).</summary>
    public static double LogNormal(this Xoshiro256StarStar random, double mu, double sigma) => Math.Exp(random.Normal(mu, sigma));

    public static double Exponential(this Xoshiro256StarStar random, double mean) => -mean * Math.Log(1.0 - random.NextDouble());

    public static bool Bernoulli(this Xoshiro256StarStar random, double probability) => random.NextDouble() < probability;

    /// <summary>One of <paramref name="choices"/>, with chances proportional to their weights.</summary>
    public static T Choice<T>(this Xoshiro256StarStar random, IReadOnlyList<(T Value, double Weight)> choices)
    {
        var target = random.NextDouble() * choices.Sum(choice => choice.Weight);
        foreach (var (value, weight) in choices)
        {
            if (target < weight) return value;
            target -= weight;
        }
        return choices[^1].Value;
    }

    public static double Logistic(double score) => 1.0 / (1.0 + Math.Exp(-score));
}
