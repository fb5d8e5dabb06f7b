using MlopsBuild.Engine.Paths;

namespace MlopsBuild.Engine;

/// <summary>
/// The repository root: <c>--root</c> or its prefixed variable, else the folder build.sh runs from (it sets
/// <c>MLOPSBUILD_ROOT</c>), else the nearest folder above the working directory holding <c>.nuke/</c>.
/// </summary>
internal static class RootDirectoryLocator
{
    public const string BootstrapVariable = "MLOPSBUILD_ROOT";

    public static AbsolutePath Find(IReadOnlyList<string>? rootOption, string? rootVariable, string? bootstrapRoot, string workingDirectory)
    {
        var given = rootOption is { Count: > 0 } ? rootOption[0] : rootVariable ?? bootstrapRoot;
        if (given is not null)
        {
            var root = AbsolutePath.Create(given, workingDirectory);
            return root.DirectoryExists ? root : throw new BuildUsageException($"The root directory '{root}' does not exist. Check --root.");
        }
        for (var directory = new DirectoryInfo(workingDirectory); directory is not null; directory = directory.Parent)
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
                return AbsolutePath.Create(directory.FullName);
        throw new BuildUsageException(
            $"No .nuke folder found in '{workingDirectory}' or above it, so the repository root is unknown. Run from inside the repository or pass --root.");
    }
}
