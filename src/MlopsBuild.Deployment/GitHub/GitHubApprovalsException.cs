namespace MlopsBuild.Deployment.GitHub;

/// <summary>Recording a run's environment reviews failed: what, where (variable or URL) and what to do, in one message.</summary>
public sealed class GitHubApprovalsException(string message) : Exception(message);
