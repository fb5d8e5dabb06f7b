namespace MlopsBuild.Learning.Persistence;

/// <summary>
/// A problem the model file's checks found, before it is known whether a file is being loaded (it becomes a
/// <see cref="ModelFormatException"/>) or a model saved (an <see cref="ArgumentException"/>).
/// </summary>
internal sealed class InvalidModelException(string location, string problem, string remedy = ModelFormatException.DefaultRemedy)
    : Exception($"{location}: {problem}")
{
    public string Location { get; } = location;
    public string Problem { get; } = problem;
    public string Remedy { get; } = remedy;
}
