namespace MlopsBuild.Engine.Git;

/// <summary>The directory is not in a Git repository, or the repository's metadata cannot be read.</summary>
public sealed class GitException : Exception
{
    public GitException(string message) : base(message)
    {
    }

    public GitException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
