namespace MlopsBuild.Benchmarks;

/// <summary>The benchmarks' options: "--name value" pairs of positive integers, each with a default.</summary>
internal static class IntegerOptions
{
    /// <returns>Every option's value, or null when an argument is unknown or not a positive integer.</returns>
    public static IReadOnlyDictionary<string, int>? Parse(string[] args, IReadOnlyDictionary<string, int> defaults)
    {
        var values = new Dictionary<string, int>(defaults);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !values.ContainsKey(args[i]) || !int.TryParse(args[i + 1], out var value) || value <= 0) return null;
            values[args[i]] = value;
        }
        return values;
    }
}
