namespace MlopsBuild.Core.Text;

/// <summary>Suggests what a user probably meant ("Did you mean 'Train'?") by edit distance.</summary>
public static class ClosestMatch
{
    public static string? Find(string typed, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(candidate => (candidate, distance: Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .OrderBy(x => x.distance).ThenBy(x => x.candidate, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.candidate is not null && best.distance <= Math.Max(2, typed.Length / 3) ? best.candidate : null;
    }

    public static string Hint(string typed, IEnumerable<string> candidates, Func<string, string>? format = null) =>
        Find(typed, candidates) is { } match ? $" Did you mean '{(format ?? (s => s))(match)}'?" : "";

    static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
