using MlopsBuild.Engine.Paths;

namespace MlopsBuild.Engine.ContinuousIntegration;

/// <summary>Where an attribute is written, as the compiler gave it, for errors and the generated files' header.</summary>
internal sealed record SourceLocation(string File, int Line)
{
    /// <summary>
    /// The file relative to the repository: deterministic builds map the root to <c>/_/</c> (Directory.Build.props),
    /// other builds give a full path.
    /// </summary>
    public string FileDisplay(AbsolutePath root) =>
        File.StartsWith("/_/", StringComparison.Ordinal) ? File["/_/".Length..]
        : Path.IsPathRooted(File) ? AbsolutePath.Create(File).Display(root)
        : File;

    public string Display(AbsolutePath root) => $"{FileDisplay(root)}({Line})";
}
