using MlopsBuild.Engine.Git;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Engine.Reports;

namespace MlopsBuild.Engine;

/// <summary>
/// The facts of the run in progress, available to field initialisers of the build class before it is
/// constructed (hence static, flowing with the async context so parallel test runs stay apart).
/// </summary>
internal sealed class BuildScope
{
    static readonly AsyncLocal<BuildScope?> current = new();

    // Reading the dirty flag starts a git process; done in the background it overlaps the targets' work.
    readonly Lazy<Task<GitFacts?>> git;

    public BuildScope(AbsolutePath root, BuildHost host, RunReport report)
    {
        Root = root;
        Host = host;
        Report = report;
        git = new(() => Task.Run(() => ReadGit(root)));
    }

    public static BuildScope Current =>
        current.Value ?? throw new InvalidOperationException("No build is running: start it with PipelineBuild.Execute<T>(...).");

    public static void Enter(BuildScope scope) => current.Value = scope;

    public AbsolutePath Root { get; }
    public BuildHost Host { get; }

    /// <summary>The report sections and job outputs the targets contribute.</summary>
    public RunReport Report { get; }

    /// <summary>Why git facts are missing although a repository was found (it could not be read).</summary>
    public string? GitProblem { get; private set; }

    public GitFacts? Git => git.Value.GetAwaiter().GetResult();

    public void StartReadingGit() => _ = git.Value;

    GitFacts? ReadGit(AbsolutePath directory)
    {
        try
        {
            return GitRepository.TryRead(directory);
        }
        catch (GitException e)
        {
            GitProblem = e.Message;
            return null;
        }
    }
}
