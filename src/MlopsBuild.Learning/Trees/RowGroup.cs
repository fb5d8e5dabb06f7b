using MlopsBuild.Learning.Features;

namespace MlopsBuild.Learning.Trees;

/// <summary>
/// Rows as <see cref="CompiledForest"/> walks them: <see cref="Lanes"/> rows, feature after feature, each feature twice
/// (a missing value keyed <see cref="OrderedKey.Missing"/>, then <see cref="OrderedKey.MissingGoingLeft"/>), the rows'
/// keys side by side. A node whose missing values go left reads the second copy, so that "key &gt; threshold" is its
/// whole rule, missing values included. (A row scored alone is kept as <see cref="RowKeys"/>.)
/// </summary>
internal static class RowGroup
{
    public const int Lanes = 8;

    /// <summary>Keys in a row group of <paramref name="features"/> features.</summary>
    public static int Size(int features) => features * 2 * Lanes;

    /// <summary>Where lane 0's key of <paramref name="feature"/> is, in the copy a node with <paramref name="defaultLeft"/> reads.</summary>
    public static int KeyOffset(int feature, bool defaultLeft) => KeyIndex(feature, defaultLeft) * Lanes;

    /// <summary>Which copy of which feature's keys <see cref="KeyOffset"/> finds, counted in copies.</summary>
    public static int KeyIndex(int feature, bool defaultLeft) => feature * 2 + (defaultLeft ? 1 : 0);

    /// <summary>
    /// Writes rows [<paramref name="start"/>, start + count) of the matrix's first <paramref name="features"/> columns
    /// (count ≤ <see cref="Lanes"/>; lanes past count get key 0).
    /// </summary>
    public static void WriteRows(FeatureMatrix matrix, int features, int start, int count, Span<int> group)
    {
        for (var f = 0; f < features; f++)
        {
            var column = matrix.Columns[f].AsSpan(start, count);
            var right = group.Slice(KeyOffset(f, false), Lanes);
            var left = group.Slice(KeyOffset(f, true), Lanes);
            for (var i = 0; i < column.Length; i++)
            {
                right[i] = OrderedKey.Of(column[i]);
                left[i] = OrderedKey.GoingLeft(right[i]);
            }
            right[count..].Clear();
            left[count..].Clear();
        }
    }
}
