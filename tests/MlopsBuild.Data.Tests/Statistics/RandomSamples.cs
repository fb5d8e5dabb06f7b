namespace MlopsBuild.Data.Tests.Statistics;

/// <summary>Seeded random data sets for the statistics and drift tests.</summary>
internal static class RandomSamples
{
    public static double[] Normal(int count, double mean, double standardDeviation, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => mean + standardDeviation * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))
            .ToArray();
    }

    public static double[] LogNormal(int count, int seed) => Normal(count, 0, 2, seed).Select(Math.Exp).ToArray();

    public static double[] Uniform(int count, double from, double to, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => from + (to - from) * random.NextDouble()).ToArray();
    }

    public static T[] Shuffled<T>(IEnumerable<T> values, int seed)
    {
        var array = values.ToArray();
        new Random(seed).Shuffle(array);
        return array;
    }
}
