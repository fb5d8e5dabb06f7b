namespace MlopsBuild.Data.Reading;

internal static class DataFile
{
    /// <summary>Opens a file for one sequential pass; a missing file is a <see cref="DataFormatException"/>.</summary>
    public static FileStream OpenRead(string path)
    {
        try
        {
            // No FileStream buffer: the readers read large blocks themselves.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DataFormatException(path, 0, 0, "file not found. Check the path and the working directory");
        }
    }
}
