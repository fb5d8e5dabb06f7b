namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>
/// Seeded row and feature subsampling. Each draw is a pure function of (seed, round or tree, index), so the same
/// seed picks the same rows and features whatever else happens.
/// </summary>
internal static class Sampling
{
    /// <summary>
    /// Writes the rows round <paramref name="round"/> learns from into <paramref name="bag"/> (one slot per row),
    /// ascending, each row with probability <paramref name="fraction"/>; returns how many.
    /// </summary>
    public static int Rows(Span<int> bag, double fraction, ulong seed, int round)
    {
        var count = 0;
        if (fraction >= 1)
        {
            for (var row = 0; row < bag.Length; row++) bag[row] = row;
            return bag.Length;
        }
        var limit = (ulong)(fraction * ulong.MaxValue);
        var stream = Mix(seed ^ Mix((ulong)round + 0x5851F42D4C957F2DUL));
        for (var row = 0; row < bag.Length; row++)
            if (Mix(stream + (ulong)row) <= limit) bag[count++] = row;
        return count;
    }

    /// <summary>round(fraction × count) of the usable features (at least one), ascending, for tree <paramref name="tree"/>.</summary>
    public static int[] Features(int[] usable, double fraction, ulong seed, int tree)
    {
        if (fraction >= 1) return usable;
        var take = Math.Max(1, (int)Math.Round(fraction * usable.Length));
        var shuffled = (int[])usable.Clone();
        var state = Mix(seed ^ Mix((ulong)tree + 0x14057B7EF767814FUL));
        for (var i = 0; i < take; i++) // partial Fisher–Yates
        {
            state = Mix(state);
            var pick = i + (int)(state % (ulong)(shuffled.Length - i));
            (shuffled[i], shuffled[pick]) = (shuffled[pick], shuffled[i]);
        }
        var chosen = shuffled[..take];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>SplitMix64's finaliser: a strong 64-bit mix.</summary>
    static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
