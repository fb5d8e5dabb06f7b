namespace MlopsBuild.Data.Reading;

/// <summary>Reads a table file front to back in batches of rows, with bounded memory.</summary>
public interface ITableReader : IDisposable
{
    /// <summary>The path as given to <see cref="TableReader.Open"/>; error messages name the file this way.</summary>
    string Path { get; }

    /// <summary>CSV: the header row. JSON Lines: the keys of the first object, in order.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>
    /// The next rows, or null at the end. A batch stays valid until the second call after it: two batches take turns
    /// (their buffers are reused), so a caller may process one batch while reading the next.
    /// </summary>
    /// <exception cref="DataFormatException">The rows are malformed.</exception>
    RowBatch? ReadBatch();
}
