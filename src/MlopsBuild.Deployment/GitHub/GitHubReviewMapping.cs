using MlopsBuild.Deployment.Approvals;

namespace MlopsBuild.Deployment.GitHub;

/// <summary>
/// Turns a run's reviews of the policy's environment into approval statements about one version: an approved or rejected
/// review by a reviewer whose login is an approver's <c>github_login</c> becomes that approver's decision, with the review
/// as its <see cref="ApprovalStatement.Via"/>. Every other review of the environment is explained in words.
/// </summary>
internal static class GitHubReviewMapping
{
    public static (IReadOnlyList<ApprovalStatement> Statements, IReadOnlyList<string> Ignored) Map(
        ApprovalPolicy policy, GitHubEnvironmentAttestation environment, GitHubActionsContext context, IReadOnlyList<RunReview> reviews,
        int versionNumber, string modelDigest, string imageDigest, DateTimeOffset time)
    {
        var statements = new List<ApprovalStatement>();
        var ignored = new List<string>();
        foreach (var review in reviews)
        {
            if (review.Environments.FirstOrDefault(environment.Names) is not { } reviewed) continue;
            if (Decision(review.State) is not { } decision)
            {
                ignored.Add(review.State == "pending"
                    ? $"{review.Reviewer} commented on the deployment to '{reviewed}' without approving or rejecting it"
                    : $"{review.Reviewer}'s review of '{reviewed}' is '{review.State}', neither approved nor rejected");
                continue;
            }
            if (policy.FindByGitHubLogin(review.Reviewer) is not { } approver)
            {
                ignored.Add($"{review.Reviewer} {review.State} the deployment to '{reviewed}', but no approver in the policy has github_login " +
                    $"'{review.Reviewer}', so it counts for no one. If {review.Reviewer} is a release manager, add 'github_login: {review.Reviewer}' to their entry");
                continue;
            }
            statements.Add(new ApprovalStatement(decision, approver.Id, time, versionNumber, modelDigest, imageDigest, review.Comment,
                new GitHubReviewOrigin(reviewed, context.RunId, context.RunAttempt, review.Reviewer)));
        }
        var others = reviews.SelectMany(r => r.Environments).Where(e => !environment.Names(e)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (statements.Count == 0 && ignored.Count == 0 && others.Count > 0)
            ignored.Add($"the run's reviews are of {string.Join(", ", others.Select(e => $"'{e}'"))}, not of '{environment.Name}': " +
                "check github_environment's name in the policy against the environment the Promote job runs in");
        return (statements, ignored);
    }

    static ApprovalDecision? Decision(string state) => state switch
    {
        "approved" => ApprovalDecision.Approve,
        "rejected" => ApprovalDecision.Reject,
        _ => null,
    };
}
