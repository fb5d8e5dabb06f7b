using MlopsBuild.Engine.Parameters;

namespace MlopsBuild.Engine.ContinuousIntegration;

/// <summary>A declared workflow, checked against the build's targets and parameters: what its file says.</summary>
internal sealed record Workflow(
    string Name,
    SourceLocation Location,
    IReadOnlyList<GitHubActionsTrigger> On,
    bool OnWorkflowDispatch,
    IReadOnlyList<DispatchInput> Inputs,
    IReadOnlyList<ParameterMember> Variables,
    string RunsOn,
    IReadOnlyList<WorkflowJob> Jobs)
{
    public string RelativePath => $".github/workflows/{Name}.yml";

    public bool RunsForPullRequests => On.Contains(GitHubActionsTrigger.PullRequest);
}

/// <param name="Skip">Targets an earlier job ran that declare no inputs or outputs, so no up-to-date check can tell they are done.</param>
/// <param name="Receives">What the job before it handed over; null for the first job.</param>
/// <param name="Sends">What it hands to the next job; null for the last.</param>
internal sealed record WorkflowJob(
    string Id,
    string Target,
    IReadOnlyList<string> Skip,
    string? Needs,
    string? OnlyOnBranch,
    string? Environment,
    IReadOnlyList<ParameterMember> Secrets,
    bool GitHubToken,
    IReadOnlyList<(GitHubActionsScope Scope, string Access)> Permissions,
    IReadOnlyList<string> Outputs,
    HandOff? Receives,
    HandOff? Sends)
{
    public string Command => string.Join(' ', ["./build.sh", Target, .. Skip.Count > 0 ? ["--skip", .. Skip] : Array.Empty<string>()]);
}

/// <summary>The artifact one job uploads and the next downloads. <paramref name="Root"/>: the artifact's root, the common folder of its paths.</summary>
internal sealed record HandOff(string ArtifactName, IReadOnlyList<string> Paths, string Root);

/// <summary>A workflow_dispatch input and the parameter's environment variable it sets.</summary>
/// <param name="Type">string, boolean or choice.</param>
internal sealed record DispatchInput(string Id, string EnvironmentVariable, string? Description, string Type, IReadOnlyList<string> Options, string? Default);
