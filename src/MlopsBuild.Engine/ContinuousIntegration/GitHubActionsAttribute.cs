using System.Runtime.CompilerServices;

namespace MlopsBuild.Engine.ContinuousIntegration;

/// <summary>
/// Declares a GitHub Actions workflow, <c>.github/workflows/{name}.yml</c>, written by <c>./build.sh --generate-ci</c>:
/// a job per target of <see cref="Targets"/>, each <c>needs:</c> the one before and runs <c>./build.sh {Target}</c>.
/// <see cref="GitHubActionsJobAttribute"/> refines one of its jobs.
/// <code>[GitHubActions("ci", On = [Push, PullRequest], Targets = [nameof(Train), nameof(Package)], HandOff = ["artifacts"])]</code>
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class GitHubActionsAttribute(
    string name,
    [CallerFilePath] string sourceFile = "",
    [CallerLineNumber] int sourceLine = 0) : Attribute
{
    /// <summary>The workflow's name and file name.</summary>
    public string Name { get; } = name;

    /// <summary>Events that run the workflow.</summary>
    public GitHubActionsTrigger[] On { get; set; } = [];

    /// <summary>Also run it by hand (workflow_dispatch), with <see cref="Inputs"/>.</summary>
    public bool OnWorkflowDispatch { get; set; }

    /// <summary>The jobs, in the order they run: a target each, whose dependencies run in the same job unless an earlier job ran them.</summary>
    public string[] Targets { get; set; } = [];

    /// <summary>Parameters that become workflow_dispatch inputs: a boolean, a choice of an enum's names, or text; the parameter's default is the input's.</summary>
    public string[] Inputs { get; set; } = [];

    /// <summary>
    /// Parameters every job reads from the repository's (or its environment's) configuration variables,
    /// <c>vars.MLOPS_…</c>: settings that differ per repository, as where lab and factory are. A variable nobody set is
    /// empty, which leaves the parameter to the build's defaults.
    /// </summary>
    public string[] Variables { get; set; } = [];

    /// <summary>
    /// Paths (relative to the root) each job hands to the next as an artifact, with <c>.nuke/build.lock.json</c>: what the
    /// next job needs so that targets an earlier job ran are up to date there, or their effects present.
    /// </summary>
    public string[] HandOff { get; set; } = [];

    /// <summary>The runner label of every job.</summary>
    public string RunsOn { get; set; } = "ubuntu-latest";

    internal SourceLocation Location { get; } = new(sourceFile, sourceLine);
}
