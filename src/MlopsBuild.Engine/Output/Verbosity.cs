namespace MlopsBuild.Engine.Output;

public enum Verbosity
{
    /// <summary>Errors and the summary only.</summary>
    Quiet,
    Normal,
    /// <summary>Also stack traces and the reasons behind every up-to-date decision.</summary>
    Verbose,
}
