namespace MlopsBuild.Data.Reading;

public static class TableReader
{
    private const string SupportedExtensions = ".csv, .tsv, .txt, .jsonl or .ndjson";

    /// <summary>
    /// Opens a table file by its extension: .csv and .txt are CSV with <see cref="TableReadOptions.Separator"/>, .tsv is
    /// CSV with tabs, .jsonl and .ndjson are JSON Lines. Reads the header (or first object) before returning.
    /// </summary>
    /// <exception cref="DataFormatException">The file is missing, of an unsupported type, or its header is malformed.</exception>
    public static ITableReader Open(string path, TableReadOptions? options = null)
    {
        options ??= new TableReadOptions();
        options.Validate();
        string extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".csv" or ".txt" => CsvTableReader.Open(path, options.Separator, options),
            ".tsv" => CsvTableReader.Open(path, '\t', options),
            ".jsonl" or ".ndjson" => JsonLinesTableReader.Open(path, options),
            "" => throw new DataFormatException(path, 0, 0, $"the file name has no extension, so its format is unknown. Use a {SupportedExtensions} file"),
            _ => throw new DataFormatException(path, 0, 0, $"'{extension}' files are not supported. Use a {SupportedExtensions} file"),
        };
    }
}
