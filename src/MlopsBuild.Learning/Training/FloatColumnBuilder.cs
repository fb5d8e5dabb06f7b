namespace MlopsBuild.Learning.Training;

/// <summary>A float column that grows as rows are read (doubling, so appends are amortised O(1)).</summary>
internal sealed class FloatColumnBuilder
{
    float[] values = new float[1024];

    public int Count { get; private set; }

    public void Add(float value)
    {
        if (Count == values.Length) Array.Resize(ref values, values.Length * 2);
        values[Count++] = value;
    }

    public float this[int index]
    {
        get => values[index];
        set => values[index] = value;
    }

    /// <summary>The values, trimmed to <see cref="Count"/>.</summary>
    public float[] ToArray() => values.AsSpan(0, Count).ToArray();
}
