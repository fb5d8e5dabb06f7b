using MlopsBuild.Data.Schema;

namespace MlopsBuild.Data.Statistics;

/// <summary>Statistics of one column: exactly one of Numeric (numeric, integer, date-time) and Categorical (the rest).</summary>
public sealed record ColumnStatistics(string Name, ColumnType Type, ColumnRole Role, NumericSummary? Numeric, CategoricalSummary? Categorical);
