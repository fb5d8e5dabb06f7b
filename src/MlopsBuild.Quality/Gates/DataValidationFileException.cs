namespace MlopsBuild.Quality.Gates;

/// <summary>validation.json is missing or is not what ValidateData writes.</summary>
public sealed class DataValidationFileException(string message) : Exception(message);
