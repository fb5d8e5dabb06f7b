namespace MlopsBuild.Data.Reading;

public sealed record TableReadOptions
{
    /// <summary>The CSV field separator. <see cref="TableReader.Open"/> uses a tab for .tsv files whatever this says.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>Most rows in one batch (very wide tables get fewer, so that a batch stays near a million fields).</summary>
    public int BatchRows { get; init; } = 16_384;

    /// <summary>Longest field in bytes of UTF-8, as written in the file (between the quotes for a quoted CSV field).</summary>
    public int MaxFieldLength { get; init; } = 1 << 20;

    /// <summary>Bytes read from the file at a time; small values let tests cross buffer boundaries.</summary>
    internal int ReadBufferBytes { get; init; } = 1 << 20;

    /// <summary>Told every byte of the file, in order, as it is read: a content hash then needs no second read.</summary>
    internal Action<ReadOnlySpan<byte>>? OnFileBytes { get; init; }

    /// <summary>
    /// Bytes of text read at a time, up to <see cref="ReadBufferBytes"/> a read. Each chunk costs a read, a UTF-8 check,
    /// a hand-off to the hashing thread and a row cut in two: 1 MB chunks validated 4–5% faster than 128 KB ones
    /// (measured; 32 KB was 5% slower, 2 and 4 MB no better).
    /// </summary>
    internal int ChunkBytes { get; init; } = 1 << 20;

    internal void Validate()
    {
        if (Separator is '"' or '\r' or '\n' or '\0')
            throw new ArgumentException($"The separator cannot be U+{(int)Separator:X4}: quotes, line ends and NUL have their own meaning in CSV.", nameof(Separator));
        if (!char.IsAscii(Separator))
            throw new ArgumentException($"The separator cannot be '{Separator}' (U+{(int)Separator:X4}): it must be one ASCII character, such as ',', ';', '|' or a tab.", nameof(Separator));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchRows, 1, nameof(BatchRows));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFieldLength, 1, nameof(MaxFieldLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReadBufferBytes, 16, nameof(ReadBufferBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(ChunkBytes, 16, nameof(ChunkBytes));
    }
}
