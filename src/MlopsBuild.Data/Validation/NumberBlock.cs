namespace MlopsBuild.Data.Validation;

/// <summary>The parsed numbers of one block of rows of a column, with the row each came from.</summary>
internal sealed class NumberBlock
{
    /// <summary>Rows in a block: enough to amortise each stage's loop, few enough that the buffers stay in L1.</summary>
    public const int Size = 512;

    readonly double[] _values = new double[Size];
    readonly int[] _rows = new int[Size];

    public void Add(ref int count, double value, int row)
    {
        _values[count] = value;
        _rows[count] = row;
        count++;
    }

    public ReadOnlySpan<double> Values(int count) => _values.AsSpan(0, count);

    public int Row(int i) => _rows[i];
}
