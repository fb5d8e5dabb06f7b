using System.Runtime.CompilerServices;

namespace MlopsBuild.Engine.ContinuousIntegration;

/// <summary>
/// How the job of <paramref name="target"/> in the workflow <paramref name="workflow"/> (a <see cref="GitHubActionsAttribute"/>)
/// runs: on which branch, in which environment, with which secrets and permissions, with which outputs.
/// <code>[GitHubActionsJob("ci", nameof(Deploy), OnlyOnBranch = "main", Environment = "lab")]</code>
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class GitHubActionsJobAttribute(
    string workflow,
    string target,
    [CallerFilePath] string sourceFile = "",
    [CallerLineNumber] int sourceLine = 0) : Attribute
{
    public string Workflow { get; } = workflow;
    public string Target { get; } = target;

    /// <summary>The job runs only for this branch (never for a pull request); later jobs are skipped with it.</summary>
    public string? OnlyOnBranch { get; set; }

    /// <summary>The GitHub environment the job runs in: its protection rules (required reviewers) and secrets apply.</summary>
    public string? Environment { get; set; }

    /// <summary>[Secret] parameters the job reads: <c>secrets.{VARIABLE}</c> becomes the parameter's environment variable.</summary>
    public string[] Secrets { get; set; } = [];

    /// <summary>Gives the build the job's <c>GITHUB_TOKEN</c> (with only the permissions declared here).</summary>
    public bool GitHubToken { get; set; }

    /// <summary>Scopes the job may read, beyond <c>contents</c>.</summary>
    public GitHubActionsScope[] ReadPermissions { get; set; } = [];

    /// <summary>Scopes the job may write.</summary>
    public GitHubActionsScope[] WritePermissions { get; set; } = [];

    /// <summary>Step outputs the build writes (to GITHUB_OUTPUT) that become the job's outputs, <c>needs.{job}.outputs.{name}</c>.</summary>
    public string[] Outputs { get; set; } = [];

    internal SourceLocation Location { get; } = new(sourceFile, sourceLine);
}
