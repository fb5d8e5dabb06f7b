namespace MlopsBuild.Engine.ContinuousIntegration;

/// <summary>Events that run a workflow (<see cref="GitHubActionsAttribute.On"/>).</summary>
public enum GitHubActionsTrigger
{
    Push,
    PullRequest,
}
