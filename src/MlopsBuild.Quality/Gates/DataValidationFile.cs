using System.Text.Json;

namespace MlopsBuild.Quality.Gates;

/// <summary>Reads the verdict ValidateData writes (artifacts/data/validation.json), for the data gate.</summary>
public static class DataValidationFile
{
    /// <exception cref="DataValidationFileException">The file is missing, is not JSON, or lacks a field.</exception>
    public static DataValidationOutcome Load(string path)
    {
        if (!File.Exists(path))
            throw new DataValidationFileException($"{path}: no data check result. Run ValidateData first; it writes this file");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return Read(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new DataValidationFileException(
                $"{path}: not a data check result ({e.Message}). Delete it and run ValidateData again");
        }
    }

    static DataValidationOutcome Read(JsonElement root)
    {
        var problems = root.GetProperty("anomalies").EnumerateArray().Select(a => new DataProblem(
            a.GetProperty("kind").GetString()!,
            a.GetProperty("severity").GetString()!,
            a.TryGetProperty("column", out var column) ? column.GetString() : null,
            a.GetProperty("description").GetString()!)).ToArray();
        DataDriftOutcome? drift = null;
        if (root.TryGetProperty("drift", out var driftElement))
            drift = new DataDriftOutcome(
                driftElement.GetProperty("datasetDrifted").GetBoolean(),
                driftElement.GetProperty("driftedColumns").GetInt32(),
                driftElement.GetProperty("comparedColumns").GetInt32(),
                driftElement.GetProperty("shareThreshold").GetDouble(),
                driftElement.GetProperty("columns").EnumerateArray()
                    .Where(c => c.GetProperty("drifted").GetBoolean())
                    .Select(c => c.GetProperty("column").GetString()!).ToArray());
        return new DataValidationOutcome(
            root.GetProperty("passed").GetBoolean(),
            root.GetProperty("errors").GetInt32(),
            root.GetProperty("warnings").GetInt32(),
            problems,
            drift);
    }
}
