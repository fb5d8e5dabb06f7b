namespace MlopsBuild.Learning.Persistence;

/// <summary>
/// A model file that cannot be loaded: "<c>models/churn.mlmodel: tree 3, node 7: left child 12 is out of range (7
/// internal nodes). Retrain or re-download the model file.</c>".
/// </summary>
public sealed class ModelFormatException : Exception
{
    internal const string DefaultRemedy = "Retrain or re-download the model file.";

    internal ModelFormatException(string file, string location, string problem, string remedy)
        : base(location.Length == 0 ? $"{file}: {problem}. {remedy}" : $"{file}: {location}: {problem}. {remedy}")
    {
        File = file;
        Location = location;
        Problem = problem;
    }

    /// <summary>The file's path, or the name given to <see cref="ModelFile.FromBytes"/>.</summary>
    public string File { get; }

    /// <summary>
    /// Where in the file: "byte 1234", "header signature.inputs[2].type", "tree 3, node 7", …; empty when the problem
    /// is the whole file (it does not exist).
    /// </summary>
    public string Location { get; }

    /// <summary>What is wrong, without the location and the remedy.</summary>
    public string Problem { get; }
}
