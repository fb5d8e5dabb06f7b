namespace MlopsBuild.Data.Statistics;

/// <summary>
/// Counts per bin: bin i holds Edges[i] ≤ x &lt; Edges[i + 1], the last bin also x = Edges[^1]; so Edges.Count == Counts.Count + 1.
/// A column without present values has no bins and no edges.
/// </summary>
public sealed record Histogram(IReadOnlyList<double> Edges, IReadOnlyList<long> Counts)
{
    public static Histogram Empty { get; } = new([], []);
}
