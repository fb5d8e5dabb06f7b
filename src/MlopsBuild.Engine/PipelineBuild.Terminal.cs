using MlopsBuild.Core.Hashing;
using MlopsBuild.Engine.Terminal;

namespace MlopsBuild.Engine;

/// <summary>What targets show on the console besides their lines: progress and tables (see <see cref="BuildTerminal"/>).</summary>
public abstract partial class PipelineBuild
{
    /// <summary>
    /// Shows how far long work in the running target has got: a live bar on an interactive terminal; in logs, on CI and
    /// while targets run in parallel, a plain line at most every 10% and 5 seconds. Dispose it when the work ends.
    /// </summary>
    /// <param name="total">The whole work, when known (else report it when it is learnt).</param>
    protected static IProgressReporter Progress(string description, long? total = null, ProgressUnit unit = ProgressUnit.Items) =>
        (BuildTerminal.Current ?? throw new InvalidOperationException("Progress(...) can only be called while a build runs."))
        .Progress(description, total, unit);

    /// <summary>For <see cref="ContentHasher"/>: shows the progress of hashing a large file.</summary>
    protected static Action<FileHashProgress> HashingProgress() => new FileHashingProgress(RootDirectory).Report;

    /// <summary>Rows under a header: a bordered table on an interactive terminal, columns aligned with spaces otherwise.</summary>
    protected static void PrintTable(string[] header, IEnumerable<string[]> rows)
    {
        if (BuildTerminal.Current is { } terminal) terminal.Table(header, rows);
        else foreach (var line in PlainTable.Lines(header, rows)) Console.WriteLine(line);
    }
}
