using Xunit;

namespace MlopsBuild.Testing.Docker;

/// <summary>A fact that needs the real Docker engine; see <see cref="DockerRequirement"/> for when it skips or fails.</summary>
public sealed class DockerFactAttribute : FactAttribute
{
    /// <summary>Also needs the local registry (pushes).</summary>
    public bool NeedsRegistry { get; set; }

    public override string? Skip
    {
        get => base.Skip ?? DockerRequirement.SkipReason(NeedsRegistry);
        set => base.Skip = value;
    }
}
