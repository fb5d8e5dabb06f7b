namespace MlopsBuild.Registry.Audit;

/// <summary>The actions the registry writes itself; callers append their own (approve, promote, rollback…) with other names.</summary>
public static class AuditActions
{
    public const string Register = "register";
    public const string Gate = "gate";
    public const string Alias = "alias";

    internal static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal) { Register, Gate, Alias };
}
