using MlopsBuild.Engine.Paths;

namespace MlopsBuild.Engine.Definition;

/// <summary>Something a target reads, whose change makes the target run again.</summary>
public abstract record TargetInput
{
    public static implicit operator TargetInput(AbsolutePath path) => new PathInput(path);
}

/// <summary>A file or a folder, compared by content hash.</summary>
public sealed record PathInput(AbsolutePath Path) : TargetInput;

/// <summary>A named value (usually a parameter), compared by its invariant text.</summary>
public sealed record ValueInput(string Name, string Text) : TargetInput;
