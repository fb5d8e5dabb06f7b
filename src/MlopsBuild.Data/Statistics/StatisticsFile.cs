using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using MlopsBuild.Core.IO;

namespace MlopsBuild.Data.Statistics;

/// <summary>
/// Saves and loads <see cref="DatasetStatistics"/> as JSON. The bytes depend on the statistics only (fixed property
/// order, "\n" line ends on every platform, shortest round-trippable numbers), so equal statistics give equal files.
/// </summary>
public static class StatisticsFile
{
    static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
        // Category names stay readable ("A+", "café"); the file is data, never embedded in HTML as is.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters =
        {
            new RoundTripDoubleConverter(),
            new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        },
    };

    public static void Save(DatasetStatistics statistics, string path) => AtomicFile.WriteAllText(path, ToJson(statistics));

    /// <exception cref="StatisticsFileException">The file is missing, is not valid JSON, or does not hold statistics.</exception>
    public static DatasetStatistics Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StatisticsFileException($"{path}: cannot read the statistics file: {exception.Message}", exception);
        }
        return FromJson(json, path);
    }

    public static string ToJson(DatasetStatistics statistics) =>
        JsonSerializer.Serialize(new StatisticsDocument(StatisticsDocument.CurrentFormatVersion, statistics.Rows, statistics.Columns), JsonOptions) + "\n";

    /// <param name="source">Names the JSON's origin (usually its path) in error messages.</param>
    public static DatasetStatistics FromJson(string json, string source)
    {
        StatisticsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<StatisticsDocument>(json, JsonOptions);
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber + 1 ?? 1;
            var column = exception.BytePositionInLine + 1 ?? 1;
            throw new StatisticsFileException($"{source}({line},{column}): not a valid statistics file: {Describe(exception)}", exception);
        }
        if (document is null) throw new StatisticsFileException($"{source}(1,1): not a valid statistics file: it holds null");

        StatisticsDocumentCheck.ThrowIfInvalid(document, source);
        return new DatasetStatistics(document.Rows, document.Columns);
    }

    /// <summary>System.Text.Json's message without the location it appends (reported in our own format instead).</summary>
    static string Describe(JsonException exception)
    {
        var message = exception.Message;
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0) message = message[..at];
        }
        return exception.Path is null or "$" ? message : $"at {exception.Path}: {message}";
    }
}
