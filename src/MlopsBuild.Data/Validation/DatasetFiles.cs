using MlopsBuild.Data.Reading;

namespace MlopsBuild.Data.Validation;

/// <summary>A dataset is one file, or every data file of a folder (read in ordinal order of their names).</summary>
public static class DatasetFiles
{
    static readonly string[] Extensions = [".csv", ".tsv", ".txt", ".jsonl", ".ndjson"];

    public static IReadOnlyList<string> Resolve(string path)
    {
        if (File.Exists(path)) return [Path.GetFullPath(path)];
        if (!Directory.Exists(path))
            throw new DataFormatException(path, 0, 0, "the data file or folder does not exist. Check the path (the --data parameter)");
        var files = Directory.GetFiles(path)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        return files.Count > 0
            ? files
            : throw new DataFormatException(path, 0, 0, $"the folder holds no data files ({string.Join(", ", Extensions)})");
    }
}
