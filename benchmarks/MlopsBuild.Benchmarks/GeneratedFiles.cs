namespace MlopsBuild.Benchmarks;

/// <summary>
/// Puts a file a benchmark generated on disk before anything is measured: the kernel would otherwise write it back some
/// 30 s later, in the middle of the runs and on the cores they measure (validation runs just after a copy of their
/// 280 MB file took 780 ms instead of 640).
/// </summary>
internal static class GeneratedFiles
{
    public static void WriteToDisk(StreamWriter writer)
    {
        writer.Flush();
        WriteToDisk((FileStream)writer.BaseStream);
    }

    public static void WriteToDisk(FileStream stream) => stream.Flush(flushToDisk: true);
}
