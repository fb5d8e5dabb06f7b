using System.Collections.Concurrent;
using MlopsBuild.Core.Hashing;
using MlopsBuild.Engine.Paths;

namespace MlopsBuild.Engine.Terminal;

/// <summary>
/// A progress reporter per large file while <see cref="ContentHasher"/> reads it, shown in the target that is hashing.
/// </summary>
/// <param name="largeFileBytes">Smaller files hash in well under a second: a bar would only flicker.</param>
internal sealed class FileHashingProgress(AbsolutePath root, long largeFileBytes = FileHashingProgress.LargeFileBytes)
{
    public const long LargeFileBytes = 64L << 20;

    readonly ConcurrentDictionary<string, IProgressReporter> reporters = new(StringComparer.Ordinal);

    public void Report(FileHashProgress progress)
    {
        if (progress.TotalBytes < largeFileBytes || BuildTerminal.Current is not { } terminal) return;
        var reporter = reporters.GetOrAdd(progress.Path,
            path => terminal.Progress($"Hashing {AbsolutePath.Create(path).Display(root)}", progress.TotalBytes, ProgressUnit.Bytes));
        reporter.Report(progress.BytesHashed);
        if (progress.Finished && reporters.TryRemove(progress.Path, out _)) reporter.Dispose();
    }
}
