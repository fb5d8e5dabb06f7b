namespace MlopsBuild.Engine.Execution;

/// <summary>The target whose code is running on this async flow (for notes added from inside it).</summary>
internal static class CurrentTarget
{
    static readonly AsyncLocal<TargetRun?> current = new();

    public static TargetRun? Run
    {
        get => current.Value;
        set => current.Value = value;
    }
}
