using MlopsBuild.Data.Schema;

namespace MlopsBuild.Learning.Features;

/// <summary>
/// A column a model reads. Categorical columns list the categories seen in training, in code order; every other
/// type has none.
/// </summary>
public sealed record InputColumn(string Name, ColumnType Type, IReadOnlyList<string> Categories);
