namespace MlopsBuild.Engine.ContinuousIntegration;

/// <summary>What a job's <c>GITHUB_TOKEN</c> may be granted (<c>permissions:</c>); written in kebab case (IdToken: id-token).</summary>
public enum GitHubActionsScope
{
    Actions,
    Attestations,
    Checks,
    Contents,
    Deployments,
    IdToken,
    Issues,
    Packages,
    Pages,
    PullRequests,
    SecurityEvents,
    Statuses,
}
