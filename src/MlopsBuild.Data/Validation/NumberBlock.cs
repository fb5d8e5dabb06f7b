using System.Runtime.Intrinsics;

namespace MlopsBuild.Data.Validation;

/// <summary>The parsed numbers of one block of rows of a column, with the row each came from.</summary>
internal sealed class NumberBlock
{
    /// <summary>Rows in a block: enough to amortise each stage's loop, few enough that the buffers stay in L1.</summary>
    public const int Size = 512;

    readonly double[] _values = new double[Size];
    readonly int[] _rows = new int[Size];
    int _count;

    public ReadOnlySpan<double> Values => _values.AsSpan(0, _count);

    public void Add(double value, int row)
    {
        _values[_count] = value;
        _rows[_count] = row;
        _count++;
    }

    /// <summary>Adds the values of rows <paramref name="firstRow"/> to <paramref name="firstRow"/> + 3.</summary>
    public void AddFour(Vector256<double> values, int firstRow)
    {
        values.CopyTo(_values.AsSpan(_count, 4));
        (Vector128.Create(firstRow) + Vector128.Create(0, 1, 2, 3)).CopyTo(_rows.AsSpan(_count, 4));
        _count += 4;
    }

    public int Row(int i) => _rows[i];

    public void Clear() => _count = 0;
}
