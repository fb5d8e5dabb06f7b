using MlopsBuild.Engine.Git;
using MlopsBuild.Engine.Paths;

namespace MlopsBuild.Engine;

/// <summary>
/// The facts of the run in progress, available to field initialisers of the build class before it is
/// constructed (hence static, flowing with the async context so parallel test runs stay apart).
/// </summary>
internal sealed record BuildScope(AbsolutePath Root, BuildHost Host, Lazy<GitFacts?> Git)
{
    static readonly AsyncLocal<BuildScope?> current = new();

    public static BuildScope Current =>
        current.Value ?? throw new InvalidOperationException("No build is running: start it with PipelineBuild.Execute<T>(...).");

    public static void Enter(BuildScope scope) => current.Value = scope;
}
