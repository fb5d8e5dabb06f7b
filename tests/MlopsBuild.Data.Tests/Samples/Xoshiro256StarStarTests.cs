using MlopsBuild.Data.Samples;

namespace MlopsBuild.Data.Tests.Samples;

public sealed class Xoshiro256StarStarTests
{
    [Fact]
    public void It_matches_the_reference_implementation_seeded_by_splitmix64()
    {
        // From Blackman and Vigna's xoshiro256starstar.c, state filled by splitmix64.c from x = 42.
        var random = new Xoshiro256StarStar(42);

        Assert.Equal(
            [0x15780B2E0C2EC716UL, 0x6104D9866D113A7EUL, 0xAE17533239E499A1UL, 0xECB8AD4703B360A1UL],
            Enumerable.Range(0, 4).Select(_ => random.NextUInt64()));
    }

    [Fact]
    public void Doubles_and_integers_stay_in_their_ranges_and_cover_them()
    {
        var random = new Xoshiro256StarStar(7);
        var doubles = Enumerable.Range(0, 100_000).Select(_ => random.NextDouble()).ToList();
        var dice = Enumerable.Range(0, 60_000).Select(_ => random.NextInt(6)).ToList();

        Assert.All(doubles, value => Assert.InRange(value, 0.0, Math.BitDecrement(1.0)));
        Assert.InRange(doubles.Average(), 0.49, 0.51);
        Assert.All(Enumerable.Range(0, 6), face => Assert.InRange(dice.Count(d => d == face), 9_500, 10_500));
    }
}
