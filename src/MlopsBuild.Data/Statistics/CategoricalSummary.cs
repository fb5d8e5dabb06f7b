namespace MlopsBuild.Data.Statistics;

/// <summary>Statistics of a categorical, boolean or text column.</summary>
/// <param name="TopValues">The most frequent tracked values, most frequent first, ties in ordinal order.</param>
/// <param name="Frequencies">
/// Every tracked value in ordinal order. Up to 10,000 distinct values all are tracked; beyond that the 10,000 with the
/// smallest stable hash are (a choice that does not depend on row order, so partitions merge exactly and a reference
/// and a current dataset track the same values), and a last <see cref="OtherValue"/> entry counts all the rest.
/// </param>
/// <param name="MeanLength">Of the present values, in UTF-16 code units; null when there are none.</param>
public sealed record CategoricalSummary(
    long Count,
    long Missing,
    long DistinctCount,
    bool DistinctIsEstimate,
    IReadOnlyList<ValueCount> TopValues,
    IReadOnlyList<ValueCount> Frequencies,
    double? MeanLength,
    int? MaxLength)
{
    public const string OtherValue = "__other__";
}
