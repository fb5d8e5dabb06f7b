namespace MlopsBuild.Containers.Context;

/// <summary>One entry of a build context: a directory, or a file whose bytes come from disk or memory when written.</summary>
sealed record ContextEntry(string Path, bool IsDirectory, UnixFileMode Mode, Func<Stream>? OpenContent);
