namespace MlopsBuild.Learning.Training;

/// <summary>
/// Bad training input or parameters: the message says what is wrong and what to do, and is shown to users as it is.
/// </summary>
public sealed class TrainingException(string message) : Exception(message);
