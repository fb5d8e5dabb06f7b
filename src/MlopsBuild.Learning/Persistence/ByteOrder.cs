namespace MlopsBuild.Learning.Persistence;

/// <summary>Swaps between little-endian (the file) and the machine's order on big-endian machines.</summary>
internal static class ByteOrder
{
    public static void ReverseEach(Span<byte> values, int size)
    {
        for (var offset = 0; offset < values.Length; offset += size) values.Slice(offset, size).Reverse();
    }
}
