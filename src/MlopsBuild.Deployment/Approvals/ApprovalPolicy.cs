namespace MlopsBuild.Deployment.Approvals;

/// <summary>
/// Who may approve a model version for factory and how many of them must (N of M). Identities compare without regard
/// to case, as GitHub logins do. <paramref name="GitHubEnvironment"/>, when set, lets reviews of that environment count
/// for the approvers whose GitHub login they carry. Read from a committed file by <see cref="ApprovalPolicyFile"/>.
/// </summary>
public sealed record ApprovalPolicy(
    int RequiredApprovals,
    IReadOnlyList<Approver> Approvers,
    bool ForbidSelfApproval = true,
    TimeSpan? MaxAge = null,
    GitHubEnvironmentAttestation? GitHubEnvironment = null)
{
    public Approver? Find(string id) => Approvers.FirstOrDefault(a => SameIdentity(a.Id, id));

    public Approver? FindByGitHubLogin(string login) =>
        Approvers.FirstOrDefault(a => a.GitHubLogin is { } own && SameIdentity(own, login));

    /// <summary>The approver an identity names, by id or GitHub login (a training run's author may be either).</summary>
    public Approver? FindByIdOrGitHubLogin(string identity) => Approvers.FirstOrDefault(a => a.IsIdentifiedBy(identity));

    public static bool SameIdentity(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
