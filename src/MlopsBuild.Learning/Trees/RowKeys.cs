using System.Runtime.Intrinsics;

namespace MlopsBuild.Learning.Trees;

/// <summary>
/// One row as <see cref="CompiledForest"/> walks it when scored alone: its keys (<see cref="OrderedKey"/>), then the
/// same keys with a missing value keyed <see cref="OrderedKey.MissingGoingLeft"/>, read by every lane. A
/// <see cref="RowGroup"/> broadcast to eight lanes would cost eight times the writes for the same keys.
/// </summary>
internal static class RowKeys
{
    /// <summary>Keys for a row of <paramref name="features"/> features.</summary>
    public static int Size(int features) => features * 2;

    /// <summary>Where <paramref name="feature"/>'s key is, in the copy a node with <paramref name="defaultLeft"/> reads.</summary>
    public static int KeyOffset(int feature, bool defaultLeft, int features) => feature + (defaultLeft ? features : 0);

    /// <summary>Writes the keys of <paramref name="row"/> into <paramref name="keys"/> (<see cref="Size"/> of its length).</summary>
    public static void Write(ReadOnlySpan<float> row, Span<int> keys)
    {
        var right = keys[..row.Length];
        var left = keys.Slice(row.Length, row.Length);
        var f = 0;
        for (; f + Vector256<float>.Count <= row.Length; f += Vector256<float>.Count)
        {
            var keys8 = OrderedKey.Of(Vector256.Create(row.Slice(f, Vector256<float>.Count)), out var missing);
            keys8.CopyTo(right[f..]);
            Vector256.ConditionalSelect(missing, Vector256.Create(OrderedKey.MissingGoingLeft), keys8).CopyTo(left[f..]);
        }
        for (; f < row.Length; f++)
        {
            right[f] = OrderedKey.Of(row[f]);
            left[f] = OrderedKey.GoingLeft(right[f]);
        }
    }
}
