namespace MlopsBuild.Deployment.Approvals;

/// <summary>
/// A release manager allowed to approve: an identity, their public key (base64 SubjectPublicKeyInfo, P-256) and,
/// when their reviews of a GitHub environment should count as their approvals, their GitHub login.
/// </summary>
public sealed record Approver(string Id, string PublicKey, string? GitHubLogin = null)
{
    /// <summary>True when <paramref name="identity"/> names this person, by id or by GitHub login.</summary>
    public bool IsIdentifiedBy(string identity) =>
        ApprovalPolicy.SameIdentity(Id, identity) || (GitHubLogin is { } login && ApprovalPolicy.SameIdentity(login, identity));
}
