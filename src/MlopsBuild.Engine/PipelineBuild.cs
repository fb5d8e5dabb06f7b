using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Execution;
using MlopsBuild.Engine.Git;
using MlopsBuild.Engine.Output;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Engine.Reports;
using MlopsBuild.Engine.Reports.PlanGraphs;

namespace MlopsBuild.Engine;

/// <summary>
/// The base of a build class: derive from it, declare <see cref="Target"/> properties and <see cref="ParameterAttribute"/>
/// members, and start it with <c>public static int Main() =&gt; Execute&lt;Build&gt;(x =&gt; x.Default);</c>.
/// </summary>
public abstract partial class PipelineBuild
{
    /// <summary>Runs the build with the process's arguments, environment and console; returns the exit code.</summary>
    protected static int Execute<T>(Expression<Func<T, Target>> defaultTarget) where T : PipelineBuild, new()
    {
        var name = defaultTarget.Body is MemberExpression member
            ? member.Member.Name
            : throw new ArgumentException("Name the default target as a property: x => x.Train.", nameof(defaultTarget));
        return BuildRunner.Run<T>(Environment.GetCommandLineArgs().Skip(1).ToList(), BuildHost.FromProcess(), name);
    }

    /// <summary>The repository root: the folder holding <c>.nuke/</c>, or <c>--root</c>.</summary>
    public static AbsolutePath RootDirectory => BuildScope.Current.Root;

    /// <summary>Where outputs meant to be kept go (reports, packages, manifests).</summary>
    public static AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";

    /// <summary>Scratch space that is never committed.</summary>
    public static AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    /// <summary>Commit, branch and dirty flag of the repository, or null outside one.</summary>
    public static GitFacts? Git => BuildScope.Current.Git;

    /// <summary>True on a CI server (the <c>CI</c> environment variable), false on a laptop.</summary>
    public static bool IsServerBuild => BuildScope.Current.Host.Environment("CI") is "true" or "True" or "1";

    public static bool IsLocalBuild => !IsServerBuild;

    /// <summary>Adds a key/value to the current target's row of the summary and of the run manifest.</summary>
    protected static void Note(string key, object? value) => RunningTarget(nameof(Note)).AddNote(key, RunManifest.Text(value));

    /// <summary>
    /// Adds a section to the run's report under the current target: <c>artifacts/summary.md</c> on every run, and the job
    /// summary on GitHub Actions. Sections follow the summary table in plan order, a target's in the order it reported
    /// them; the Markdown's own headings are nested under the title. Report what the inputs determine (no absolute paths,
    /// host names or times), so the report reads the same wherever the build ran.
    /// </summary>
    protected static void ReportSection(string title, string markdown) =>
        BuildScope.Current.Report.AddSection(RunningTarget(nameof(ReportSection)).Name, title, markdown);

    /// <summary>
    /// Sets a job output, once per run: on GitHub Actions it is written to <c>$GITHUB_OUTPUT</c> (a value of several lines
    /// in the heredoc form), so later steps and jobs read it; everywhere it is recorded in the run manifest. A name starts
    /// with a letter or '_' and holds letters, digits, '-' and '_'. Secrets in the value are masked.
    /// </summary>
    protected static void Output(string name, string value) =>
        BuildScope.Current.Report.SetOutput(RunningTarget(nameof(Output)).Name, name, value);

    /// <summary>A Markdown link from the run's report to a file of the repository: <c>[artifacts/data/validation.html](data/validation.html)</c>.</summary>
    protected static string ReportLink(AbsolutePath file) => RunSummary.Link(RootDirectory, file);

    static TargetRun RunningTarget(string method) =>
        CurrentTarget.Run ?? throw new InvalidOperationException($"{method}(...) can only be called while a target runs.");

    /// <summary>A named value the up-to-date check compares, usually a parameter: <c>.Inputs(Data, Value(Trees))</c>.</summary>
    protected static TargetInput Value<T>(T value, [CallerArgumentExpression(nameof(value))] string name = "") =>
        new ValueInput(name, RunManifest.Text(value));

    [Parameter("Targets to run; the leading words of the command line are the same", Name = "Target")]
    internal string[]? InvokedTargets { get; set; }

    [Parameter("Skip the named targets, or every target not invoked when no name follows")]
    internal string[]? Skip { get; set; }

    [Parameter("Run the named targets even when up to date, or all when no name follows")]
    internal string[]? Force { get; set; }

    [Parameter("Show the plan without running it")]
    internal bool Plan { get; set; }

    [Parameter("With --plan: also write the graph of the plan to this file: " + PlanGraphFile.Formats)]
    internal AbsolutePath? PlanFile { get; set; }

    [Parameter("Show targets and parameters")]
    internal bool Help { get; set; }

    [Parameter("Write .github/workflows/*.yml from the [GitHubActions] attributes of the build, then exit")]
    internal bool GenerateCi { get; set; }

    [Parameter("Run independent targets at the same time", Name = "Parallel")]
    internal bool RunInParallel { get; set; }

    [Parameter("Most targets at once with --parallel")]
    internal int MaxParallel { get; set; } = Environment.ProcessorCount;

    [Parameter("Also read .nuke/parameters.NAME.json (later names win)")]
    internal string[]? Profile { get; set; }

    [Parameter("The repository root (default: the nearest folder with .nuke/)")]
    internal AbsolutePath? Root { get; set; }

    [Parameter("How much to print; verbose adds stack traces and up-to-date details")]
    internal Verbosity Verbosity { get; set; } = Verbosity.Normal;
}
