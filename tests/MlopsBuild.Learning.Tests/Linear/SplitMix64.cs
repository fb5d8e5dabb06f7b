namespace MlopsBuild.Learning.Tests.Linear;

/// <summary>splitmix64: a generator simple enough to reproduce exactly in the Python reference script.</summary>
internal sealed class SplitMix64(ulong seed)
{
    ulong state = seed;

    /// <summary>A uniform double in [0, 1) from the top 53 bits.</summary>
    public double NextUniform()
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>A standard normal value (Box–Muller).</summary>
    public double NextGaussian() => Math.Sqrt(-2 * Math.Log(1 - NextUniform())) * Math.Cos(2 * Math.PI * NextUniform());
}
