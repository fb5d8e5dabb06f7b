using System.Runtime.Intrinsics;
using MlopsBuild.Learning.Features;

namespace MlopsBuild.Learning.Trees;

/// <summary>
/// Rows as <see cref="CompiledForest"/> walks them: <see cref="Lanes"/> rows, feature after feature, the rows' keys of
/// a feature side by side (row i's feature f at f × Lanes + i, as an <see cref="OrderedKey"/>). A row scored alone is
/// written into every lane, so that eight trees walk it with the code that walks eight rows through one tree.
/// </summary>
internal static class RowGroup
{
    public const int Lanes = 8;

    /// <summary>Writes <paramref name="row"/> into every lane of <paramref name="group"/>; true when a value is missing.</summary>
    public static bool WriteRow(ReadOnlySpan<float> row, Span<int> group)
    {
        var missing = false;
        for (var f = 0; f < row.Length; f++)
        {
            var key = OrderedKey.Of(row[f]);
            missing |= key == OrderedKey.Missing;
            Vector256.Create(key).CopyTo(group.Slice(f * Lanes, Lanes));
        }
        return missing;
    }

    /// <summary>
    /// Writes rows [<paramref name="start"/>, start + count) of the matrix's first <paramref name="features"/> columns
    /// (count ≤ <see cref="Lanes"/>; lanes past count get key 0); true when a value is missing.
    /// </summary>
    public static bool WriteRows(FeatureMatrix matrix, int features, int start, int count, Span<int> group)
    {
        var missing = false;
        for (var f = 0; f < features; f++)
        {
            var column = matrix.Columns[f].AsSpan(start, count);
            var lanes = group.Slice(f * Lanes, Lanes);
            for (var i = 0; i < column.Length; i++)
            {
                var key = OrderedKey.Of(column[i]);
                missing |= key == OrderedKey.Missing;
                lanes[i] = key;
            }
            lanes[count..].Clear();
        }
        return missing;
    }
}
