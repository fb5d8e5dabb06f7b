using System.Globalization;

namespace MlopsBuild.Data.Validation;

/// <summary>Counts one kind of violation in one column and remembers where the first few are.</summary>
internal sealed class ViolationCounter(AnomalyKind kind)
{
    const int Remembered = 5;
    const int ExampleLength = 40;

    readonly List<RowLocation> first = [];
    readonly List<string> examples = [];

    public long Count { get; private set; }

    public void Add(long row, string file, long line, ReadOnlySpan<char> value)
    {
        Count++;
        if (first.Count >= Remembered) return;
        first.Add(new RowLocation(row, file, line));
        examples.Add(value.Length > ExampleLength ? value[..ExampleLength].ToString() + "…" : value.ToString());
    }

    public Anomaly ToAnomaly(string column, Severity severity, long denominator, string what) =>
        new(kind, severity, column, Count, denominator == 0 ? 0 : (double)Count / denominator, first.ToList(), examples.ToList(),
            $"{column}: {Count} {(Count == 1 ? "value" : "values")} ({Percent(Count, denominator)}) {what}; first at " +
            string.Join(", ", first.Zip(examples, (where, value) => $"{where} '{value}'")));

    internal static string Percent(long count, long of) =>
        of == 0 ? "0%" : ((double)count / of).ToString(count * 1000 < of ? "0.###%" : "0.#%", CultureInfo.InvariantCulture);
}
