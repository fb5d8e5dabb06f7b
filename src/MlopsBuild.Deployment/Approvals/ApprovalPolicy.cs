namespace MlopsBuild.Deployment.Approvals;

/// <summary>
/// Who may approve a model version for factory and how many of them must (N of M). Identities compare without regard
/// to case, as GitHub logins do. Read from a committed file by <see cref="ApprovalPolicyFile"/>.
/// </summary>
public sealed record ApprovalPolicy(
    int RequiredApprovals,
    IReadOnlyList<Approver> Approvers,
    bool ForbidSelfApproval = true,
    TimeSpan? MaxAge = null)
{
    public Approver? Find(string id) => Approvers.FirstOrDefault(a => SameIdentity(a.Id, id));

    public static bool SameIdentity(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
