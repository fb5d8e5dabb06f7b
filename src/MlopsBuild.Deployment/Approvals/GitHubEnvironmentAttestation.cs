namespace MlopsBuild.Deployment.Approvals;

/// <summary>
/// The GitHub environment whose required reviewers' decisions count as approvals, and the public half of the key its
/// jobs sign them with (the private half is a secret of that environment, so only a job a reviewer let through holds it).
/// </summary>
public sealed record GitHubEnvironmentAttestation(string Name, string PublicKey)
{
    /// <summary>GitHub environment names ignore case.</summary>
    public bool Names(string environment) => string.Equals(Name, environment, StringComparison.OrdinalIgnoreCase);
}
