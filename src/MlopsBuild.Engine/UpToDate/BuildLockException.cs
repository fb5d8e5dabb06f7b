namespace MlopsBuild.Engine.UpToDate;

/// <summary>The build lock file cannot be read; the message says where, what is wrong and what to do.</summary>
public sealed class BuildLockException : Exception
{
    public BuildLockException(string lockFile, int line, int column, string problem, string advice, Exception? innerException = null)
        : base($"The build lock file '{lockFile}' is invalid at line {line}, column {column}: {problem}. {advice}", innerException)
    {
        LockFile = lockFile;
        Line = line;
        Column = column;
    }

    public string LockFile { get; }

    /// <summary>1-based.</summary>
    public int Line { get; }

    /// <summary>1-based.</summary>
    public int Column { get; }
}
